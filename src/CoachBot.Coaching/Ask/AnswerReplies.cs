using CoachBot.Ai.Answers;
using CoachBot.Core.Conversations;
using CoachBot.Core.Replies;

namespace CoachBot.Coaching.Ask;

/// <summary>
/// Renders an <see cref="Answer"/> as a platform-neutral reply: the text, the Sources list, the note as footer. An
/// answer to a question asked in a channel (not in a thread, not a DM) opens a thread so follow-ups stay together;
/// a decline is a plain reply (only the asker sees it when it came from a slash command).
/// </summary>
public static class AnswerReplies
{
    public static Reply From(Answer answer, CommandContext context, bool fromSlashCommand)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(context);
        if (answer.Declined)
        {
            return new Reply
            {
                Text = answer.Text,
                Visibility = fromSlashCommand ? ReplyVisibility.Ephemeral : ReplyVisibility.Public,
                Placement = ReplyPlacement.Reply,
            };
        }

        var inChannel = !context.IsDirect && context.Conversation.ThreadId is null && context.Conversation.Platform != ChatPlatform.Terminal;
        return new Reply
        {
            Text = answer.Text,
            Sources = answer.Citations,
            Footer = answer.Note,
            Placement = inChannel ? ReplyPlacement.Thread : ReplyPlacement.Reply,
        };
    }
}
