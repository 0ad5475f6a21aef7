using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace CoachBot.Knowledge.Retrieval;

/// <summary>
/// English analysis for guides and questions, the same on both sides: standard tokenizer, English possessive removal,
/// lowercase, stop words, Porter stemming. The stop set is Lucene's English list plus the function words of chat
/// questions ("how", "should", "u", "wanna"): they say nothing about the topic, and leaving them in would let any
/// question share "words" with the guides.
/// </summary>
public sealed class KnowledgeAnalyzer : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private static readonly string[] ChatStopWords =
    [
        "i", "i'm", "im", "ive", "me", "my", "mine", "myself", "you", "your", "yours", "u", "ur", "we", "our", "us", "he", "she",
        "him", "her", "his", "them", "what", "whats", "which", "who", "whom", "whose", "how", "hows", "why", "when", "where",
        "do", "does", "did", "doing", "done", "dont", "don't", "can", "could", "should", "would", "shall", "may", "might", "must",
        "have", "has", "had", "having", "am", "been", "being", "were", "just", "so", "really", "actually", "like", "kinda",
        "gonna", "wanna", "gotta", "about", "any", "some", "all", "also", "even", "still", "very", "too", "much", "many", "more",
        "most", "from", "up", "out", "than", "its", "lol", "pls", "please", "hey", "hi", "hello", "thanks", "thank", "ok",
        "okay", "yeah", "yes", "nah", "etc", "stuff", "thing", "things", "get", "got", "anything", "something", "there's",
        "it's", "that's", "here", "other", "only", "own", "same", "each", "both", "few", "again", "once", "those", "whether",
        "rn", "tbh", "idk", "ppl", "w", "vs", "eg", "ie", "one", "someone", "anyone", "every", "let", "let's", "want", "need",
        "know", "tell", "say", "says", "said",
    ];

    /// <summary>
    /// Words Porter stemming would conflate with an unrelated sense: "securing a job" is not "security".
    /// </summary>
    private static readonly CharArraySet StemExclusions = new CharArraySet(Version, ["securing"], ignoreCase: true).AsReadOnly();

    /// <summary>The stop words removed from guides and questions alike.</summary>
    public static CharArraySet StopWords { get; } = CreateStopWords();

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new StandardFilter(Version, tokenizer);
        stream = new EnglishPossessiveFilter(Version, stream);
        stream = new LowerCaseFilter(Version, stream);
        stream = new StopFilter(Version, stream, StopWords);
        stream = new SetKeywordMarkerFilter(stream, StemExclusions);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    /// <summary>The analyzed tokens of <paramref name="text"/>, in order (duplicates kept).</summary>
    public IReadOnlyList<string> Tokens(string text, string field = "body")
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return tokens;
        }

        using var stream = GetTokenStream(field, new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(term.ToString());
        }

        stream.End();
        return tokens;
    }

    private static CharArraySet CreateStopWords()
    {
        var set = new CharArraySet(Version, EnglishAnalyzer.DefaultStopSet.Count + ChatStopWords.Length, ignoreCase: true);
        set.UnionWith(EnglishAnalyzer.DefaultStopSet);
        set.UnionWith(ChatStopWords);
        return set.AsReadOnly();
    }
}
