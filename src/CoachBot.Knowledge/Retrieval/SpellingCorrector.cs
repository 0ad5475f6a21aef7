using System.Text;
using System.Text.RegularExpressions;

namespace CoachBot.Knowledge.Retrieval;

/// <summary>
/// Rewrites a question for the sentence model with its misspelt words replaced ("hw do i lern databse" → "how do i
/// learn database"): a word the guides (text, headings, expansion questions) never use, of two letters or more, becomes
/// the most frequent guide word one typo away (the query planner's near spellings work the same way on stems, for
/// words of five letters or more only). Words the guides use, chat function words the analyzer knows ("gotta",
/// "ppl", "rn"), and words with no near spelling are kept. Given a list of known words (the sentence model's vocabulary,
/// <see cref="Semantic.ModelVocabulary"/>), a word of <see cref="KnownWordMinLength"/> letters or more on that list is not a
/// typo either, although the guides never use it: "keep folks fired up" stays fired, not "hired".
/// </summary>
public sealed partial class SpellingCorrector
{
    private const int MinLength = 2;
    private readonly Dictionary<string, int> _frequency;
    private readonly string[] _byFrequency;
    private readonly IReadOnlySet<string> _knownWords;

    /// <summary>Shortest word that the known-word list keeps as typed (shorter ones, "wat", "u", are still corrected).</summary>
    public const int KnownWordMinLength = 4;

    public SpellingCorrector(IEnumerable<string> guideTexts, IReadOnlySet<string>? knownWords = null)
    {
        ArgumentNullException.ThrowIfNull(guideTexts);
        _knownWords = knownWords ?? new HashSet<string>();
        _frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in guideTexts)
        {
            foreach (Match match in Word().Matches(text))
            {
                var word = match.Value.ToLowerInvariant();
                _frequency[word] = _frequency.GetValueOrDefault(word) + 1;
            }
        }

        _byFrequency = [.. _frequency.Where(pair => pair.Key.Length >= MinLength).OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Key)];
    }

    /// <summary>A corrector over the passages' text and headings and the expansion questions of a knowledge base.</summary>
    public static SpellingCorrector For(PassageIndex index, KnowledgeBase knowledge, IReadOnlySet<string>? knownWords = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(knowledge);
        var texts = index.Chunks.SelectMany(chunk => new[] { chunk.HeadingText, chunk.BodyText })
            .Concat(index.Chunks.SelectMany(chunk => PassageIndex.ExpansionQuestionsFor(chunk, knowledge).Select(question => question.Question)));
        return new SpellingCorrector(texts, knownWords);
    }

    /// <summary>Words shorter than this are corrected only for the confidence estimate, not for ranking (see <see cref="HybridPassageRetriever"/>).</summary>
    public const int MinRankingLength = 5;

    /// <summary>The question with its misspelt words of at least <paramref name="minLength"/> letters replaced, or null when no word changed.</summary>
    public string? Correct(string question, int minLength = MinLength)
    {
        if (string.IsNullOrEmpty(question))
        {
            return null;
        }

        var changed = false;
        var corrected = new StringBuilder(question.Length);
        var last = 0;
        foreach (Match match in Word().Matches(question))
        {
            var word = match.Value.ToLowerInvariant();
            if (word.Length < Math.Max(MinLength, minLength) || _frequency.ContainsKey(word) || !word.All(char.IsLetter) || KnowledgeAnalyzer.StopWords.Contains(word)
                || (word.Length >= KnownWordMinLength && _knownWords.Contains(word)))
            {
                continue;
            }

            var best = Array.Find(_byFrequency, candidate => EditDistance.IsWithinOne(word, candidate));
            if (best is null)
            {
                continue;
            }

            corrected.Append(question, last, match.Index - last).Append(best);
            last = match.Index + match.Length;
            changed = true;
        }

        return changed ? corrected.Append(question, last, question.Length - last).ToString() : null;
    }

    [GeneratedRegex(@"[\p{L}][\p{L}\p{N}'’-]*", RegexOptions.NonBacktracking)]
    private static partial Regex Word();
}
