using CoachBot.Coaching.Challenges;
using CoachBot.Core.Commands;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies;
using CoachBot.Storage.Feedback;

namespace CoachBot.Coaching.Feedback;

/// <summary>
/// <c>/feedback up|down [note]</c> rates the newest answer you got in this conversation (the terminal's way to 👍 / 👎;
/// it works on every platform); <c>/feedback report</c> shows moderators the feedback summary. Every reply is private.
/// </summary>
public sealed class FeedbackCommand(FeedbackService feedback, FeedbackReport report, ChallengeModeration moderation) : ICommandHandler
{
    public const string Name = "feedback";
    public const string Up = "up";
    public const string Down = "down";
    public const string Report = "report";
    public const string NoteOption = "note";

    public CommandDefinition Definition { get; } = new(Name, "Rate the coach's last answer here, or (moderators) see the feedback report")
    {
        Subcommands =
        [
            new CommandDefinition(Up, "👍 the last answer I gave you here"),
            new CommandDefinition(Down, "👎 the last answer I gave you here, optionally saying what was wrong")
            {
                Options =
                [
                    new CommandOption(NoteOption, "What was wrong (only moderators see it)") { MaxLength = AnswerVote.CommentLength, TakesRest = true },
                ],
                Examples = ["/feedback down it didn't mention PostgreSQL"],
            },
            new CommandDefinition(Report, "Moderators: votes, approval rate and the most down-voted questions") { ModeratorOnly = true },
        ],
        Examples = ["/feedback up", "/feedback down", "/feedback report"],
    };

    public ReplyVisibility FirstReplyVisibility(CommandRequest request) => ReplyVisibility.Ephemeral;

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        switch (request.Subcommand?.ToLowerInvariant())
        {
            case Up:
                return await feedback.VoteOnLatestAsync(request.Context, FeedbackVote.Up, null, cancellationToken);
            case Down:
                return await feedback.VoteOnLatestAsync(request.Context, FeedbackVote.Down, request.Option(NoteOption), cancellationToken);
            case Report:
                // The dispatcher already refuses non-moderators; the report checks again, as every moderator command does.
                if (await moderation.RefuseUnlessModeratorAsync(request, "feedback.report", cancellationToken) is { } refusal)
                {
                    return refusal;
                }

                return Reply.One(await report.BuildAsync(request.Context, cancellationToken));
            default:
                return Reply.One(Reply.Ephemeral($"Usage: `{Definition.Usage()}`. Try `/help feedback`."));
        }
    }
}
