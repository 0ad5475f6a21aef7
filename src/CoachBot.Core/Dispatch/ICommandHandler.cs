using CoachBot.Core.Commands;
using CoachBot.Core.Replies;

namespace CoachBot.Core.Dispatch;

/// <summary>Handles one slash command. One class per command (AskCommand, QuizCommand, …), registered by its feature's AddX().</summary>
public interface ICommandHandler
{
    CommandDefinition Definition { get; }

    Task<IReadOnlyList<Reply>> HandleAsync(CommandRequest request, CancellationToken cancellationToken);
}
