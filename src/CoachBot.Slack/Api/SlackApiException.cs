namespace CoachBot.Slack.Api;

/// <summary>A Slack Web API call answered <c>{"ok":false,"error":…}</c> (or failed for good). Never carries a token.</summary>
public sealed class SlackApiException : Exception
{
    public SlackApiException(string method, string error)
        : base($"Slack {method} failed: {error}")
    {
        Method = method;
        Error = error;
    }

    public SlackApiException(string method, string error, Exception innerException)
        : base($"Slack {method} failed: {error}", innerException)
    {
        Method = method;
        Error = error;
    }

    public string Method { get; }

    /// <summary>Slack's error code, e.g. channel_not_found, not_in_channel, invalid_auth, ratelimited.</summary>
    public string Error { get; }
}
