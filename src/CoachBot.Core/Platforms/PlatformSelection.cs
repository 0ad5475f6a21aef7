using Microsoft.Extensions.Configuration;

namespace CoachBot.Core.Platforms;

/// <summary>
/// Which chat platforms run and how Slack connects, read from configuration in one place before any service exists:
/// a platform runs when its token is set (<c>Discord:Token</c>, <c>Slack:BotToken</c>); the terminal chat opens when
/// neither is, unless <c>Terminal:Enabled</c> says otherwise; <c>Slack:Mode</c> picks Socket Mode (default) or HTTP.
/// The host, the web server choice and the adapters' registrations all read this instead of the raw keys. A value
/// that isn't a mode counts as the default here; <c>SlackOptionsValidator</c> reports it at start-up by its key.
/// </summary>
public sealed record PlatformSelection(bool Discord, bool Slack, bool Terminal, SlackMode SlackMode = SlackMode.SocketMode)
{
    public const string DiscordTokenKey = "Discord:Token";
    public const string SlackBotTokenKey = "Slack:BotToken";
    public const string SlackModeKey = "Slack:Mode";
    public const string TerminalEnabledKey = "Terminal:Enabled";

    /// <summary>Slack runs and Slack POSTs its events to the host's web server.</summary>
    public bool SlackOverHttp => Slack && SlackMode == SlackMode.Http;

    /// <summary>Slack runs and the bot dials out to Slack over a WebSocket.</summary>
    public bool SlackOverSocketMode => Slack && SlackMode == SlackMode.SocketMode;

    public static PlatformSelection From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var discord = !string.IsNullOrWhiteSpace(configuration[DiscordTokenKey]);
        var slack = !string.IsNullOrWhiteSpace(configuration[SlackBotTokenKey]);
        var terminal = bool.TryParse(configuration[TerminalEnabledKey], out var forced) ? forced : !discord && !slack;
        return new PlatformSelection(discord, slack, terminal, ReadSlackMode(configuration[SlackModeKey]));
    }

    public string Describe()
    {
        var names = new List<string>();
        if (Discord)
        {
            names.Add("Discord");
        }

        if (Slack)
        {
            names.Add("Slack");
        }

        if (Terminal)
        {
            names.Add("terminal chat");
        }

        return names.Count == 0 ? $"no adapter (set {DiscordTokenKey}, {SlackBotTokenKey} or {TerminalEnabledKey})" : string.Join(", ", names);
    }

    private static SlackMode ReadSlackMode(string? value) =>
        !string.IsNullOrWhiteSpace(value) && Enum.TryParse<SlackMode>(value, ignoreCase: true, out var mode) && Enum.IsDefined(mode)
            ? mode
            : SlackMode.SocketMode;
}
