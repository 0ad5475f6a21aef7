using CoachBot.Core.Replies;

namespace CoachBot.Core.Dispatch;

/// <summary>Handles submitted forms whose id starts with <see cref="Feature"/> (same id rules as buttons).</summary>
public interface IFormHandler
{
    string Feature { get; }

    Task<IReadOnlyList<Reply>> HandleAsync(FormSubmitRequest request, CancellationToken cancellationToken);
}
