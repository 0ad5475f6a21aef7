using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace CoachBot.Ai.Answers;

/// <summary>
/// Turns text into stemmed content terms with the same English analysis retrieval uses, minus the words every
/// question has ("how", "what", "should", "i"…), so sentence scoring counts only words that carry the topic.
/// </summary>
public static class QueryTerms
{
    private static readonly Analyzer Analyzer = new EnglishAnalyzer(LuceneVersion.LUCENE_48);

    private static readonly HashSet<string> QuestionWords = Stem(
        "what whats how why when where which who whom whose do does did doing done can could should would will shall may might must " +
        "i im ive me my mine we our you your yours he she they them their it its this that these those there here " +
        "about get gets getting got need needs want wants tell know please much many more most some any also just really " +
        "like make makes made thing things kind sort way ways good best better is are am was were be been being have has had " +
        "go going become becoming one someone somebody anyone");

    /// <summary>The distinct stemmed content terms of <paramref name="text"/>.</summary>
    public static HashSet<string> Of(string? text)
    {
        var terms = Stem(text);
        terms.ExceptWith(QuestionWords);
        return terms;
    }

    private static HashSet<string> Stem(string? text)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text))
        {
            return terms;
        }

        using var stream = Analyzer.GetTokenStream("text", new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }
}
