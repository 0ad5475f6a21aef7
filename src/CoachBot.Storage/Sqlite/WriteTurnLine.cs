namespace CoachBot.Storage.Sqlite;

/// <summary>
/// One turn at a time, handed over in arrival order, except that a waiter at the front (<c>first: true</c>) goes before
/// every ordinary one. Waiting takes no thread. Thread-safe.
/// </summary>
public sealed class WriteTurnLine
{
    private readonly Lock _lock = new();
    private readonly LinkedList<TaskCompletionSource<bool>> _front = new();
    private readonly LinkedList<TaskCompletionSource<bool>> _back = new();
    private bool _taken;

    /// <summary>True once the turn is the caller's; false when <paramref name="maxWait"/> passed first.</summary>
    public async Task<bool> TakeAsync(bool first, TimeSpan maxWait, CancellationToken cancellationToken = default)
    {
        TaskCompletionSource<bool> waiter;
        LinkedListNode<TaskCompletionSource<bool>> node;
        lock (_lock)
        {
            if (!_taken)
            {
                _taken = true;
                return true;
            }

            waiter = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            node = first ? _front.AddLast(waiter) : _back.AddLast(waiter);
        }

        try
        {
            return await waiter.Task.WaitAsync(maxWait, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            lock (_lock)
            {
                if (node.List is not null)
                {
                    node.List.Remove(node);
                    if (ex is TimeoutException)
                    {
                        return false;
                    }

                    throw;
                }
            }

            // Handed the turn just as the wait ended: give it on.
            Give();
            if (ex is TimeoutException)
            {
                return false;
            }

            throw;
        }
    }

    /// <summary>Blocking form of <see cref="TakeAsync"/>, for synchronous EF calls.</summary>
    public bool Take(bool first, TimeSpan maxWait) => TakeAsync(first, maxWait).GetAwaiter().GetResult();

    /// <summary>Ends the caller's turn: the next waiter (front first) gets it, or it is free.</summary>
    public void Give()
    {
        TaskCompletionSource<bool>? next = null;
        lock (_lock)
        {
            var line = _front.Count > 0 ? _front : _back.Count > 0 ? _back : null;
            if (line is null)
            {
                _taken = false;
            }
            else
            {
                next = line.First!.Value;
                line.RemoveFirst();
            }
        }

        next?.TrySetResult(true);
    }
}
