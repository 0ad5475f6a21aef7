using CoachBot.Core.Replies;
using CoachBot.Storage.Feedback;

namespace CoachBot.Coaching.Feedback;

/// <summary>What the feedback feature says; every reply is private to the person who clicked or typed.</summary>
public static class FeedbackReplies
{
    public const string Unknown = "That feedback button isn't one I recognise (it may be from an old message). Nothing was recorded.";

    public const string NoAnswerYet = "I haven't answered a question of yours here yet, so there is nothing to rate. Ask me something first.";

    public const string NotSaved = "Sorry, I couldn't save your feedback just now: the database is busy. Please try again in a moment.";

    public const string FormTitle = "What was wrong?";

    public const string FormLabel = "What was wrong with the answer? (optional, only moderators see it)";

    public const string CommentSaved = "Thanks, your note is saved with your 👎. Only the moderators see it.";

    public const string CommentNotSaved = "I couldn't find a 👎 of yours on that answer, so the note wasn't saved. Click 👎 under the answer first.";

    public const string EmptyComment = "The note was empty, so nothing was saved. Your 👎 still counts.";

    public static string TooOld(int days) =>
        $"That answer is more than {days} days old, so it can't be rated any more. Thanks all the same! Ask again for a fresh answer you can rate.";

    public static Reply Private(string text) => Reply.Ephemeral(text);

    public static string Thanks(FeedbackVote vote, VoteOutcome outcome) => (vote, outcome) switch
    {
        (FeedbackVote.Up, VoteOutcome.Unchanged) => "You already gave this answer a 👍. Thanks!",
        (FeedbackVote.Down, VoteOutcome.Unchanged) => "You already gave this answer a 👎. Thanks for telling me.",
        (FeedbackVote.Up, VoteOutcome.Changed) => "Changed to 👍. Thanks for letting me know!",
        (FeedbackVote.Down, VoteOutcome.Changed) => "Changed to 👎. Thanks for telling me.",
        (FeedbackVote.Up, _) => "Thanks for the 👍! Glad it helped.",
        _ => "Thanks for the 👎: the moderators use it to improve the guides.",
    };

    /// <summary>The optional "what was wrong?" form offered after a 👎.</summary>
    public static Reply WhatWasWrongForm(string answerId) => new()
    {
        // Shown where the form opens from a button (Discord) or can't open (the terminal); Slack opens the modal instead.
        Text = "Want to tell the moderators what was wrong? It's optional.",
        Visibility = ReplyVisibility.Ephemeral,
        Form = new FormRequest(
            FeedbackIds.WhyForm(answerId),
            FormTitle,
            [new FormField(FeedbackIds.WhatField, FormLabel, Multiline: true, Required: false, MaxLength: AnswerVote.CommentLength)
            {
                Placeholder = "e.g. it didn't say which database to learn first",
            }],
            "If you like, tell me what was wrong: `/feedback down <what was wrong>` (only the moderators see it)."),
    };
}
