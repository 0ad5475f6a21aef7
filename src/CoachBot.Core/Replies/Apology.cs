namespace CoachBot.Core.Replies;

/// <summary>
/// The one apology a person sees when their request failed on our side, whoever noticed the failure (the dispatcher,
/// or an adapter whose delivery failed after the acknowledgement). The reference is the correlation id, so a report of
/// it finds the log lines.
/// </summary>
public static class Apology
{
    public const string Text = "Sorry, something went wrong on my side and I couldn't finish that. Please try again in a moment.";

    /// <summary>The apology with the request's reference id.</summary>
    public static string For(string correlationId) => $"{Text} (ref {correlationId})";
}
