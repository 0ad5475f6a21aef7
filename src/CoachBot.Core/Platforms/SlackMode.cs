namespace CoachBot.Core.Platforms;

/// <summary>How Slack delivers events, commands and interactions to the bot.</summary>
public enum SlackMode
{
    /// <summary>Socket Mode (default): the bot dials out over a WebSocket; no public URL needed. Needs Slack:AppToken.</summary>
    SocketMode = 0,

    /// <summary>Alias accepted in configuration ("Socket").</summary>
    Socket = SocketMode,

    /// <summary>Events API over HTTP: Slack POSTs signed requests to the host's web server. Needs Slack:SigningSecret.</summary>
    Http = 1,
}
