using CoachBot.Core.Replies;

namespace CoachBot.Core.Dispatch;

/// <summary>
/// Gets a chance at free-text messages, lowest <see cref="Order"/> first; returns null to pass. An interview in progress
/// claims the person's next message in that conversation as an answer; otherwise the ask feature answers it.
/// </summary>
public interface IMessageHandler
{
    int Order { get; }

    Task<IReadOnlyList<Reply>?> TryHandleAsync(MessageRequest request, CancellationToken cancellationToken);
}
