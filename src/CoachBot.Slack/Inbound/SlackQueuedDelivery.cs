namespace CoachBot.Slack.Inbound;

/// <summary>
/// A recorded delivery handed to the worker: the payload, its inbox key (completed when the reply is out) and whether
/// it holds one of the queue's places (events do; commands, interactions and replays may go over).
/// </summary>
public sealed record SlackQueuedDelivery(SlackInbound Inbound, string DeliveryKey, bool HoldsPlace)
{
    /// <summary>Completes when the delivery's ack was sent; the worker starts on it only then (at most 3 s later).</summary>
    public Task Acknowledged { get; init; } = Task.CompletedTask;
}
