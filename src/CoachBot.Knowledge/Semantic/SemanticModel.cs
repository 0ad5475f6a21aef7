using Microsoft.Extensions.Options;

namespace CoachBot.Knowledge.Semantic;

/// <summary>
/// The sentence-embedding model when <c>Knowledge:Semantic:Enabled</c> is on, null when it is off. Features take this
/// instead of checking the option themselves; the model itself is loaded on first use.
/// </summary>
public sealed class SemanticModel
{
    public SemanticModel(ITextEmbedder? embedder) => Embedder = embedder;

    public SemanticModel(IOptions<KnowledgeOptions> options, ITextEmbedder embedder)
        : this(options?.Value.Semantic.Enabled == true ? embedder : null)
    {
    }

    /// <summary>A model that is off (tests and lean deployments).</summary>
    public static SemanticModel Off { get; } = new((ITextEmbedder?)null);

    public ITextEmbedder? Embedder { get; }

    public bool IsEnabled => Embedder is not null;
}
