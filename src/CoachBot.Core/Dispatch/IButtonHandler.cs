using CoachBot.Core.Commands;
using CoachBot.Core.Replies;

namespace CoachBot.Core.Dispatch;

/// <summary>
/// Handles clicks on buttons whose id starts with <see cref="Feature"/>. The id is untrusted: check the state it names
/// exists and belongs to the caller, and answer a polite ephemeral refusal otherwise.
/// </summary>
public interface IButtonHandler
{
    string Feature { get; }

    Task<IReadOnlyList<Reply>> HandleAsync(ButtonRequest request, ButtonId id, CancellationToken cancellationToken);
}
