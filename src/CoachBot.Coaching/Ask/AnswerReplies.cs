using CoachBot.Ai.Answers;
using CoachBot.Core.Replies;

namespace CoachBot.Coaching.Ask;

/// <summary>
/// Renders an <see cref="Answer"/> as a platform-neutral reply: the text, the Sources list, the note as footer. An
/// answer asks for <see cref="ReplyPlacement.Thread"/> so follow-ups stay together; each adapter decides what that
/// means where the question was asked (a new thread under a channel question, in place in a DM, an existing thread
/// or the terminal). A decline is a plain reply (only the asker sees it when it came from a slash command).
/// </summary>
public static class AnswerReplies
{
    public static Reply From(Answer answer, bool fromSlashCommand)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.Declined)
        {
            return new Reply
            {
                Text = answer.Text,
                Visibility = fromSlashCommand ? ReplyVisibility.Ephemeral : ReplyVisibility.Public,
                Placement = ReplyPlacement.Reply,
            };
        }

        return new Reply
        {
            Text = answer.Text,
            Sources = answer.Citations,
            Footer = answer.Note,
            Placement = ReplyPlacement.Thread,
        };
    }
}
