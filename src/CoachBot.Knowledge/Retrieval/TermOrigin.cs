namespace CoachBot.Knowledge.Retrieval;

/// <summary>Why a term is in the query.</summary>
public enum TermOrigin
{
    /// <summary>A word of the question.</summary>
    Question,

    /// <summary>An expansion from the synonym list.</summary>
    Synonym,

    /// <summary>A word of the guides one edit away from a question word the guides never use (a typo).</summary>
    NearSpelling,

    /// <summary>A salient word of the first results (pseudo-relevance feedback).</summary>
    Feedback,
}
