namespace CoachBot.Knowledge.Retrieval;

/// <summary>
/// What the sentence model reads for each passage and expansion question. A passage is embedded with its heading path
/// ("Guide title &gt; Section &gt; Sub-section" on the first line, then its text without list markers): a list item
/// like "Python, Java, Go" only means "backend languages" under its heading. Each curated expansion question is
/// embedded on its own and points at the passages of its section (and of the sub-sections of a heading without text), or,
/// written for one passage, at that passage only.
/// </summary>
public static partial class SemanticTexts
{
    public static string ForPassage(PassageChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        var path = string.Join(" > ", [chunk.Passage.GuideTitle, .. chunk.Passage.SectionPath.Where(heading => heading != chunk.Passage.GuideTitle)]);
        return path + "\n" + chunk.BodyText;
    }

    /// <summary>
    /// The sentences of a passage, each with the passage's innermost heading and the sentence before it in front
    /// ("Salaries: &lt;previous sentence&gt; Entry-level …"): one sentence that answers a question is not diluted by the
    /// rest of its passage, and one that leans on the sentence before ("This involves …") keeps it. Passages of a single
    /// sentence give none. (The previous sentence added questions.jsonl MRR 0.894 → 0.904, same recall on both
    /// development sets; see docs/benchmarks.md.)
    /// </summary>
    public static IReadOnlyList<string> Sentences(PassageChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        var sentences = chunk.Paragraphs
            .SelectMany(paragraph => SentenceBreak().Split(paragraph.Text))
            .Select(sentence => sentence.Trim())
            .Where(sentence => sentence.Count(char.IsWhiteSpace) >= 3)
            .ToList();
        if (sentences.Count < 2)
        {
            return [];
        }

        var heading = chunk.Passage.SectionPath.Count > 0 ? chunk.Passage.SectionPath[^1] : chunk.Passage.GuideTitle;
        return sentences.Select((sentence, i) => heading + ": " + (i > 0 ? sentences[i - 1] + " " : string.Empty) + sentence).ToList();
    }

    /// <summary>The distinct expansion questions of the knowledge base, each with the document ids of the passages it points at.</summary>
    public static IReadOnlyList<(string Question, int[] DocIds)> Questions(PassageIndex index, KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(knowledge);
        var docIdsByQuestion = new Dictionary<string, SortedSet<int>>(StringComparer.Ordinal);
        for (var docId = 0; docId < index.Count; docId++)
        {
            var chunk = index.ChunkAt(docId);
            var questions = PassageIndex.ExpansionQuestionsFor(chunk, knowledge).Select(pair => pair.Question)
                .Concat(knowledge.Expansions.QuestionsForPassage(chunk.Passage.Id));
            foreach (var question in questions)
            {
                if (!docIdsByQuestion.TryGetValue(question, out var docIds))
                {
                    docIds = [];
                    docIdsByQuestion[question] = docIds;
                }

                docIds.Add(docId);
            }
        }

        return docIdsByQuestion.Select(pair => (pair.Key, pair.Value.ToArray())).ToList();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z0-9\""“(])", System.Text.RegularExpressions.RegexOptions.None, matchTimeoutMilliseconds: Core.Safety.RegexLimits.MatchTimeoutMilliseconds)]
    private static partial System.Text.RegularExpressions.Regex SentenceBreak();
}
