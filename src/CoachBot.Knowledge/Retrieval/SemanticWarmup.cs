using System.Globalization;
using CoachBot.Knowledge.Semantic;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoachBot.Knowledge.Retrieval;

/// <summary>Where the passage vectors are: off (semantic retrieval disabled), not started, warming, ready, or failed.</summary>
public enum SemanticState
{
    Off,
    Pending,
    Warming,
    Ready,
    Failed,
}

/// <summary>
/// Loads or embeds the passage vectors once, in the background (<see cref="SemanticWarmupService"/> starts it with the
/// host; the <c>eval</c> verb waits for it). Until it is done, <see cref="Index"/> is null and retrieval is lexical;
/// then searches become hybrid. <see cref="Describe"/> is what <c>/readyz</c> shows: <c>off</c>, <c>pending</c>,
/// <c>warming 48/149</c>, <c>ready</c> or <c>failed</c>. A failure is logged and leaves retrieval lexical.
/// </summary>
public sealed partial class SemanticWarmup : IDisposable
{
    private readonly SemanticModel _model;
    private readonly LucenePassageRetriever _lucene;
    private readonly KnowledgeBase _knowledge;
    private readonly IPassageVectorStore _store;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private Task<SemanticPassageIndex?>? _warming;
    private volatile SemanticPassageIndex? _index;
    private volatile int _state;
    private int _done;
    private int _total;
    private bool _disposed;

    public SemanticWarmup(
        SemanticModel model,
        LucenePassageRetriever lucene,
        KnowledgeBase knowledge,
        IPassageVectorStore store,
        ILogger<SemanticWarmup>? logger = null,
        TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _lucene = lucene;
        _knowledge = knowledge;
        _store = store;
        _logger = logger ?? NullLogger<SemanticWarmup>.Instance;
        _time = time ?? TimeProvider.System;
        _state = (int)(model.IsEnabled ? SemanticState.Pending : SemanticState.Off);
    }

    public SemanticState State => (SemanticState)_state;

    /// <summary>The passage vectors once ready; null before (and when off or failed).</summary>
    public SemanticPassageIndex? Index => _index;

    public KnowledgeBase Knowledge => _knowledge;

    /// <summary>The embedder the vectors were made with (null when semantic retrieval is off).</summary>
    public ITextEmbedder? Embedder => _model.Embedder;

    /// <summary>How long the last warm-up took, from start until the vectors were ready.</summary>
    public TimeSpan? Elapsed { get; private set; }

    /// <summary>Of the last warm-up: vectors found in the store, and vectors embedded.</summary>
    public (int Loaded, int Embedded) Counts { get; private set; }

    /// <summary>How many stale stored vectors the last warm-up deleted (texts no longer in the knowledge base, other models).</summary>
    public int StaleDeleted { get; private set; }

    public string Describe() => State switch
    {
        SemanticState.Off => "off",
        SemanticState.Pending => "pending",
        SemanticState.Warming => string.Create(CultureInfo.InvariantCulture, $"warming {Volatile.Read(ref _done)}/{Volatile.Read(ref _total)}"),
        SemanticState.Ready => "ready",
        _ => "failed",
    };

    /// <summary>
    /// Starts the warm-up if nothing has (once per process), and waits for it: the vectors, or null when semantic
    /// retrieval is off or the warm-up failed. <paramref name="cancellationToken"/> stops the waiting, not the warm-up.
    /// </summary>
    public Task<SemanticPassageIndex?> EnsureReadyAsync(CancellationToken cancellationToken = default)
    {
        if (!_model.IsEnabled)
        {
            return Task.FromResult<SemanticPassageIndex?>(null);
        }

        lock (_gate)
        {
            _warming ??= Task.Run(WarmAsync, CancellationToken.None);
        }

        return _warming.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// The vectors, waiting up to <paramref name="budget"/> for them when the running warm-up only has to read them from the
    /// store (a restart: 0.3–0.7 s here) so that a question asked the moment the bot starts is not searched lexically only.
    /// Returns at once when the warm-up has not started, has texts to embed (a first start: tens of seconds, lexical
    /// retrieval serves meanwhile), is done or failed. Called from a search, so it never waits on the model threads'
    /// work: embedding is exactly when it does not wait.
    /// </summary>
    public SemanticPassageIndex? WaitWhileLoading(TimeSpan budget)
    {
        var warming = Volatile.Read(ref _warming);
        if (warming is null || budget <= TimeSpan.Zero)
        {
            return _index;
        }

        var deadline = Environment.TickCount64 + (long)budget.TotalMilliseconds;
        // Pending with a task: started, but WarmAsync has not set Warming yet.
        while (State is SemanticState.Warming or SemanticState.Pending && OnlyLoading && Environment.TickCount64 < deadline)
        {
            warming.Wait(TimeSpan.FromMilliseconds(Math.Clamp(deadline - Environment.TickCount64, 1, 25)));
        }

        return _index;
    }

    /// <summary>The warm-up is looking its texts up in the store, or found them all there (nothing left to embed).</summary>
    private bool OnlyLoading => Volatile.Read(ref _total) == 0 || Volatile.Read(ref _done) >= Volatile.Read(ref _total);

    /// <summary>Stops a running warm-up (host shutdown); searches stay lexical.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _stopping.Cancel();
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _stopping.Cancel();
        }

        // The warm-up may still be between two batches: it sees the cancellation; the token source is left to the GC.
    }

    private async Task<SemanticPassageIndex?> WarmAsync()
    {
        var embedder = _model.Embedder!;
        var started = _time.GetTimestamp();
        _state = (int)SemanticState.Warming;
        try
        {
            var index = _lucene.Index;
            var build = await new SemanticIndexBuilder(embedder, _store).BuildAsync(index, _knowledge, (done, total) =>
            {
                // Done first: a reader between the two writes sees "still looking up" (total 0), never "texts to embed".
                Volatile.Write(ref _done, done);
                Volatile.Write(ref _total, total);
            }, _stopping.Token).ConfigureAwait(false);
            Elapsed = _time.GetElapsedTime(started);
            Counts = (build.Loaded, build.Embedded);
            _index = build.Index;
            _state = (int)SemanticState.Ready;
            LogReady(_logger, build.Index.PassageCount, build.Index.QuestionCount, build.Loaded, build.FromBundle, build.Embedded, Elapsed.Value.TotalMilliseconds);
            if (build.BundleNotStored)
            {
                LogBundleNotStored(_logger, build.FromBundle);
            }
            await DeleteStaleVectorsAsync(embedder.ModelId, build.TextHashes).ConfigureAwait(false);
            return build.Index;
        }
        catch (Exception) when (_stopping.IsCancellationRequested)
        {
            // Stopping: ONNX Runtime reports a cancelled run as its own exception ("terminate flag"), not as a
            // cancellation; either way this is a shutdown, not a failure worth a warning.
            _state = (int)SemanticState.Failed;
            return null;
        }
#pragma warning disable CA1031 // Any failure (model, store) leaves retrieval lexical; the bot keeps answering.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _state = (int)SemanticState.Failed;
            LogFailed(_logger, exception);
            return null;
        }
    }

    /// <summary>
    /// After a successful warm-up, the store keeps only this model's vectors of today's texts: vectors of edited or
    /// removed passages and questions (and of another model) are never read again. Failing to delete them is logged;
    /// the vectors are ready either way.
    /// </summary>
    private async Task DeleteStaleVectorsAsync(string modelId, IReadOnlySet<string> textHashes)
    {
        try
        {
            var deleted = await _store.DeleteAllExceptAsync(modelId, textHashes, _stopping.Token).ConfigureAwait(false);
            StaleDeleted = deleted;
            if (deleted > 0)
            {
                LogStaleDeleted(_logger, deleted);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Shutting down: the next start deletes them.
        }
#pragma warning disable CA1031 // A failed clean-up (database busy or gone) must not undo a ready warm-up.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogStaleDeleteFailed(_logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} stored vectors of texts no longer in the knowledge base (or of another model)")]
    private static partial void LogStaleDeleted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting stale stored vectors failed; they stay until the next warm-up")]
    private static partial void LogStaleDeleteFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Count} vectors read from the shipped file could not be stored in the database (they are in use; the next start reads the file again)")]
    private static partial void LogBundleNotStored(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Semantic retrieval ready: {PassageCount} passages and {QuestionCount} expansion questions ({Loaded} vectors from the store, {FromBundle} of them first from the bundled file, {Embedded} embedded) in {ElapsedMs:F0} ms")]
    private static partial void LogReady(ILogger logger, int passageCount, int questionCount, int loaded, int fromBundle, int embedded, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Semantic retrieval failed to warm up; retrieval stays lexical")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
