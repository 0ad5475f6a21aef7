using CoachBot.Core.Commands;

namespace CoachBot.Core.Replies;

/// <summary>
/// Asks the adapter to show 👍 / 👎 under an answer (Discord buttons, Slack <c>feedback_buttons</c>, a terminal hint).
/// <see cref="AnswerId"/> names the stored answer record; the click arrives as a button id built here
/// (<c>fb:up:&lt;answer&gt;</c> / <c>fb:down:&lt;answer&gt;</c>), untrusted like every button id: the feedback feature
/// looks the answer up before counting anything.
/// </summary>
public sealed record ReplyFeedback(string AnswerId)
{
    /// <summary>The button-id feature that routes clicks to the feedback handler.</summary>
    public const string Feature = "fb";

    public const string UpAction = "up";

    public const string DownAction = "down";

    public const string UpLabel = "👍";

    public const string DownLabel = "👎";

    public string UpButtonId => ButtonId.Create(Feature, UpAction, AnswerId);

    public string DownButtonId => ButtonId.Create(Feature, DownAction, AnswerId);
}
