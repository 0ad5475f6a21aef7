using System.Text;
using System.Text.RegularExpressions;

namespace CoachBot.Knowledge.Retrieval;

/// <summary>
/// Rewrites a question with the near spellings the query planner found for words the guides never use
/// ("databse" → "database"), so the sentence model also reads it as the guides spell it. The planner works on stems;
/// each stem is written back as the word the guides most often use for it.
/// </summary>
public sealed partial class SpellingCorrector
{
    private readonly PassageIndex _index;
    private readonly Dictionary<string, string> _wordByStem;

    public SpellingCorrector(PassageIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        _index = index;
        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var stemByWord = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var chunk in index.Chunks)
        {
            foreach (Match match in Word().Matches(chunk.HeadingText + "\n" + chunk.BodyText))
            {
                var word = match.Value.ToLowerInvariant();
                if (!stemByWord.TryGetValue(word, out var stem))
                {
                    var tokens = index.Analyzer.Tokens(word);
                    stem = tokens.Count == 1 ? tokens[0] : null;
                    stemByWord[word] = stem;
                }

                if (stem is null)
                {
                    continue;
                }

                if (!counts.TryGetValue(stem, out var words))
                {
                    words = new Dictionary<string, int>(StringComparer.Ordinal);
                    counts[stem] = words;
                }

                words[word] = words.GetValueOrDefault(word) + 1;
            }
        }

        _wordByStem = counts.ToDictionary(
            pair => pair.Key,
            pair => pair.Value.OrderByDescending(word => word.Value).ThenBy(word => word.Key, StringComparer.Ordinal).First().Key,
            StringComparer.Ordinal);
    }

    /// <summary>The question with its misspelt words replaced, or null when the plan found no near spelling to use.</summary>
    public string? Correct(string question, QueryPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (string.IsNullOrEmpty(question) || plan.SpellingStandIns.Count == 0)
        {
            return null;
        }

        var changed = false;
        var text = question.Length > QueryPlanner.MaxQueryChars ? question[..QueryPlanner.MaxQueryChars] : question;
        var corrected = new StringBuilder(text.Length);
        var last = 0;
        foreach (Match match in Word().Matches(text))
        {
            var tokens = _index.Analyzer.Tokens(match.Value);
            if (tokens.Count != 1 || !plan.SpellingStandIns.TryGetValue(tokens[0], out var standIns))
            {
                continue;
            }

            var best = standIns.OrderByDescending(_index.DocumentFrequency).ThenBy(stem => stem, StringComparer.Ordinal)
                .Select(stem => _wordByStem.GetValueOrDefault(stem))
                .FirstOrDefault(word => word is not null);
            if (best is null)
            {
                continue;
            }

            corrected.Append(text, last, match.Index - last).Append(best);
            last = match.Index + match.Length;
            changed = true;
        }

        return changed ? corrected.Append(text, last, text.Length - last).ToString() : null;
    }

    [GeneratedRegex(@"[\p{L}][\p{L}\p{N}'’-]*")]
    private static partial Regex Word();
}
