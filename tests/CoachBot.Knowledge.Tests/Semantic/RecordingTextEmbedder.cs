namespace CoachBot.Knowledge.Tests.Semantic;

/// <summary>Records every text the model is asked to embed, in order (also compiled into CoachBot.Coaching.Tests).</summary>
internal sealed class RecordingTextEmbedder(CoachBot.Knowledge.Semantic.ITextEmbedder inner) : CoachBot.Knowledge.Semantic.ITextEmbedder
{
    public List<string> Texts { get; } = [];

    public string ModelId => inner.ModelId;

    public int Dimensions => inner.Dimensions;

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        Texts.AddRange(texts);
        return inner.Embed(texts, cancellationToken);
    }
}
