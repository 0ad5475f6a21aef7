using CoachBot.Core.Work;
using Microsoft.Extensions.Options;

namespace CoachBot.Ai.Llm;

/// <summary>
/// Every model call goes through here (<see cref="RunAsync{T}"/>, from <see cref="PromptRunner"/>): it steps out of
/// the caller's work slot (<see cref="WorkSlot.StepOutAsync{T}"/>), so awaiting the model holds no CPU slot, and takes
/// one of <c>Llm:MaxConcurrentRequests</c> places towards the model. When all are taken, callers queue fairly
/// (<see cref="LlmFairPlaces"/>: round-robin over communities, then over people, not first come first served). A caller
/// that waits longer than <c>Llm:TimeoutSeconds</c> for a place gets <see cref="LlmBusyException"/>, which the runner
/// turns into the offline answer; the call itself keeps its own <c>Llm:TimeoutSeconds</c> once it has a place.
/// </summary>
public sealed class LlmRequestLimiter(IOptions<LlmOptions> options, TimeProvider time)
{
    private readonly LlmFairPlaces _places = new(options.Value.MaxConcurrentRequests);

    /// <summary>Model calls in flight now.</summary>
    public int InFlight => _places.InFlight;

    /// <summary>Calls waiting for a place (including ones that just gave up).</summary>
    public int Waiting => _places.Waiting;

    /// <summary>Runs <paramref name="call"/> with a place towards the model, outside the current work slot.</summary>
    public Task<T> RunAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var owner = WorkOwner.Current;
        return WorkSlot.StepOutAsync(async () =>
        {
            await WaitForPlaceAsync(owner, cancellationToken);
            try
            {
                return await call();
            }
            finally
            {
                _places.Release();
            }
        }, cancellationToken);
    }

    private async Task WaitForPlaceAsync(WorkOwner owner, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_places.TryTake(owner) is not { } waiter)
        {
            return;
        }

        var maxWait = TimeSpan.FromSeconds(options.Value.TimeoutSeconds);
        try
        {
            await waiter.Task.WaitAsync(maxWait, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            // The place may have been granted just as the wait ended: then it is ours (the cancel fails) and goes on to the call.
            if (waiter.TrySetCanceled(CancellationToken.None))
            {
                throw new LlmBusyException(
                    $"No place towards the model within {options.Value.TimeoutSeconds} s (Llm:MaxConcurrentRequests {options.Value.MaxConcurrentRequests} in use).");
            }
        }
        catch (OperationCanceledException)
        {
            if (waiter.TrySetCanceled(CancellationToken.None))
            {
                throw;
            }
        }
    }
}
