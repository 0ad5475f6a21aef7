using CoachBot.Core.Hosting;
using Microsoft.Extensions.Logging;

namespace CoachBot.Core.Inbound;

/// <summary>
/// Deletes inbox rows whose useful life is over, every few minutes: completed rows are kept until then only so a late
/// platform retry is still recognised as a duplicate.
/// </summary>
public sealed class InboundInboxPurger(IInboundInbox inbox, TimeProvider time, ILogger<InboundInboxPurger> logger)
    : PeriodicPurger(time, logger, "inbox rows past their useful life")
{
    protected override Task<int> PurgeAsync(DateTimeOffset now, CancellationToken cancellationToken) => inbox.PurgeAsync(now, cancellationToken);
}
