namespace CoachBot.Testing.Clock;

/// <summary>
/// Counts the HTTP requests a client has on the wire (sent, response not yet back). Put <see cref="CreateHandler"/> in
/// the client's handler chain; <see cref="FakeClockDriver"/> moves a fake clock only while the count is zero, so no
/// request is stamped with a time later than the one at which the client decided to send it.
/// </summary>
public sealed class RequestsInFlight
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>A new handler (handlers can't be shared between pipelines) that counts into this instance.</summary>
    public DelegatingHandler CreateHandler() => new CountingHandler(this);

    private sealed class CountingHandler(RequestsInFlight owner) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref owner._count);
            try
            {
                return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref owner._count);
            }
        }
    }
}
