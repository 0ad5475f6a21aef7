namespace CoachBot.Slack.Api;

/// <summary>A Slack Web API call answered <c>{"ok":false,"error":…}</c> (or failed for good). Never carries a token.</summary>
public sealed class SlackApiException : Exception
{
    public SlackApiException(string method, string error)
        : this(method, error, details: [])
    {
    }

    /// <param name="details">Slack's explanations beside the code: the <c>errors</c> array and
    /// <c>response_metadata.messages</c> (e.g. <c>invalid slack file [json-pointer:/blocks/2/slack_file]</c>).</param>
    public SlackApiException(string method, string error, IReadOnlyList<string> details)
        : base($"Slack {method} failed: {error}")
    {
        Method = method;
        Error = error;
        Details = details;
    }

    public SlackApiException(string method, string error, Exception innerException)
        : base($"Slack {method} failed: {error}", innerException)
    {
        Method = method;
        Error = error;
        Details = [];
    }

    public string Method { get; }

    /// <summary>Slack's error code, e.g. channel_not_found, not_in_channel, invalid_auth, ratelimited.</summary>
    public string Error { get; }

    /// <summary>Slack's detail lines for the error (which block, which field), when it sent any.</summary>
    public IReadOnlyList<string> Details { get; }
}
