namespace CoachBot.Knowledge.Retrieval;

/// <summary>Why a term is in the query.</summary>
public enum TermOrigin
{
    /// <summary>A word of the question.</summary>
    Question,

    /// <summary>Two neighbouring words of the question, searched as a phrase ("job security", "entry level").</summary>
    WordPair,

    /// <summary>An expansion from the synonym list.</summary>
    Synonym,

    /// <summary>A word of the guides one edit away from a question word the guides never use (a typo).</summary>
    NearSpelling,

    /// <summary>A salient word of the first results (pseudo-relevance feedback).</summary>
    Feedback,
}
