using System.ComponentModel.DataAnnotations;

namespace CoachBot.Knowledge;

/// <summary>Where the knowledge base lives and how sure retrieval must be before the coach answers.</summary>
public sealed class KnowledgeOptions
{
    public const string SectionName = "Knowledge";

    /// <summary>
    /// The knowledge folder (the one containing <c>guides/</c>, <c>synonyms.txt</c>, <c>expansions/</c>). Empty: found by
    /// walking up from the current directory and from the application's base directory to a folder with <c>knowledge/guides</c>.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>
    /// Below this retrieval confidence the guides are taken not to cover the question and the coach declines.
    /// The default separates on-topic from off-topic questions in the tests' tables (see docs/benchmarks.md).
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinConfidence { get; set; } = DefaultMinConfidence;

    /// <summary>Adds a few salient terms of the first results to the query (pseudo-relevance feedback).</summary>
    public bool PseudoRelevanceFeedback { get; set; }

    /// <summary>Sentence embeddings (all-MiniLM-L6-v2, offline) for retrieval, answers and interview feedback.</summary>
    public SemanticOptions Semantic { get; set; } = new();

    public const double DefaultMinConfidence = 0.5;
}
