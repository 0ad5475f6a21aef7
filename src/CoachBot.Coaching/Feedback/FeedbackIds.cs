using CoachBot.Core.Commands;
using CoachBot.Core.Replies;

namespace CoachBot.Coaching.Feedback;

/// <summary>
/// Ids the feedback feature hands out: answer ids (16 random lowercase hex digits), the 👍 / 👎 buttons
/// (<see cref="ReplyFeedback"/>: <c>fb:up:&lt;answer&gt;</c>, <c>fb:down:&lt;answer&gt;</c>) and the "what was wrong?"
/// form, <c>fb:why:&lt;answer&gt;</c> with one field, <see cref="WhatField"/>. Every id that comes back is untrusted.
/// </summary>
public static class FeedbackIds
{
    public const string WhyAction = "why";

    public const string WhatField = "what";

    public static string NewAnswerId() =>
        Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(Storage.Feedback.AnswerRecord.IdLength / 2));

    public static bool IsAnswerId(string? text) =>
        text is { Length: Storage.Feedback.AnswerRecord.IdLength } && text.All(char.IsAsciiHexDigitLower);

    public static string WhyForm(string answerId) => ButtonId.Create(ReplyFeedback.Feature, WhyAction, answerId);
}
