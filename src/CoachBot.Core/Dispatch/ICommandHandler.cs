using CoachBot.Core.Commands;
using CoachBot.Core.Replies;

namespace CoachBot.Core.Dispatch;

/// <summary>Handles one slash command. One class per command (AskCommand, QuizCommand, …), registered by its feature's AddX().</summary>
public interface ICommandHandler
{
    CommandDefinition Definition { get; }

    Task<IReadOnlyList<Reply>> HandleAsync(CommandRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Whether the first reply to this request will be private, decided from the request alone (its options, the
    /// caller's rights) without state or I/O: adapters call it before acknowledging. Public by default; a command whose
    /// first reply is private only after a lookup (no open quiz, say) stays public here and its private reply is still
    /// delivered privately, after a public acknowledgement.
    /// </summary>
    ReplyVisibility FirstReplyVisibility(CommandRequest request) => ReplyVisibility.Public;
}
