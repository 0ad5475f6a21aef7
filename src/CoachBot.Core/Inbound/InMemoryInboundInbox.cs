namespace CoachBot.Core.Inbound;

/// <summary>
/// <see cref="IInboundInbox"/> in process memory: duplicates are detected and replay works within one process, but
/// nothing survives a restart. Used when no database is registered (tests, one-shot tools); the host's storage
/// replaces it.
/// </summary>
public sealed class InMemoryInboundInbox : IInboundInbox
{
    private readonly Dictionary<(string Platform, string Key), Row> _rows = [];
    private readonly Lock _lock = new();

    public Task<InboundRecordResult> RecordAsync(InboundDelivery delivery, CancellationToken cancellationToken)
    {
        InboundLimits.Validate(delivery);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return Task.FromResult(_rows.TryAdd((delivery.Platform, delivery.DeliveryKey), new Row(delivery with { Attempts = 1 }))
                ? InboundRecordResult.Recorded
                : InboundRecordResult.Duplicate);
        }
    }

    public Task CompleteAsync(string platform, string deliveryKey, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_rows.TryGetValue((platform, deliveryKey), out var row))
            {
                row.Completed = true;
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<InboundDelivery>> ClaimUnfinishedAsync(
        string platform, DateTimeOffset receivedBefore, DateTimeOffset now, int maxAttempts, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var claimed = new List<InboundDelivery>();
            foreach (var row in _rows.Values
                .Where(r => !r.Completed && r.Delivery.Platform == platform && r.Delivery.ReceivedAt < receivedBefore
                    && r.Delivery.UsefulUntil > now && r.Delivery.Attempts < maxAttempts)
                .OrderBy(r => r.Delivery.ReceivedAt)
                .ToList())
            {
                row.Delivery = row.Delivery with { Attempts = row.Delivery.Attempts + 1 };
                claimed.Add(row.Delivery);
            }

            return Task.FromResult<IReadOnlyList<InboundDelivery>>(claimed);
        }
    }

    public Task<int> PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var expired = _rows.Where(r => r.Value.Delivery.UsefulUntil < cutoff).Select(r => r.Key).ToList();
            foreach (var key in expired)
            {
                _rows.Remove(key);
            }

            return Task.FromResult(expired.Count);
        }
    }

    private sealed class Row(InboundDelivery delivery)
    {
        public InboundDelivery Delivery { get; set; } = delivery;

        public bool Completed { get; set; }
    }
}
