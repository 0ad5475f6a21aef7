using CoachBot.Core.Commands;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies;

namespace CoachBot.Coaching.Progress;

/// <summary><c>/progress</c>: your quiz record per skill, streak, and the weakest skill with what to read.</summary>
public sealed class ProgressCommand(ProgressService progress) : ICommandHandler
{
    public CommandDefinition Definition { get; } = new("progress", "See how you stand on each skill and what to study next")
    {
        Examples = ["/progress"],
    };

    /// <summary>Progress is personal: always for the caller only.</summary>
    public ReplyVisibility FirstReplyVisibility(CommandRequest request) => ReplyVisibility.Ephemeral;

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Reply.One(await progress.ProgressAsync(request.Context, cancellationToken));
    }
}
