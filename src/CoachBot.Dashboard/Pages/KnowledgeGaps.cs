using CoachBot.Knowledge.Guides;
using CoachBot.Knowledge.Semantic;
using CoachBot.Storage.Feedback;

namespace CoachBot.Dashboard.Pages;

/// <summary>One group of questions the guides answered badly, with the guide section retrieval chose for most of them.</summary>
public sealed record GapGroup(IReadOnlyList<LoggedQuestion> Questions, string? SectionReference, string SectionName)
{
    public int Declined => Questions.Count(q => q.Record.Decision == QuestionDecision.Declined);

    public int Partly => Questions.Count(q => q.Record.Decision == QuestionDecision.Partly);

    public int DownVotes => Questions.Sum(q => q.Down);
}

/// <summary>
/// The knowledge gaps: declined and partly answered questions and down-voted answers, grouped by meaning with the
/// sentence model (questions whose vectors are close enough join the first group they match), or, when the model is
/// off, by the guide section retrieval ranked first.
/// </summary>
public sealed class KnowledgeGaps(SemanticModel semantic, GuideCatalog guides)
{
    /// <summary>Cosine similarity from which two questions count as asking the same thing.</summary>
    public const double SameMeaning = 0.6;

    public const int MaxQuestions = 300;

    public IReadOnlyList<GapGroup> Group(IEnumerable<LoggedQuestion> questions, CancellationToken cancellationToken)
    {
        var gaps = questions.Where(IsGap).Take(MaxQuestions).ToList();
        var groups = semantic.Embedder is { } embedder ? ByMeaning(gaps, embedder, cancellationToken) : BySection(gaps);
        return groups
            .Select(g => Describe(g))
            .OrderByDescending(g => g.Questions.Count).ThenByDescending(g => g.DownVotes)
            .ToList();
    }

    public static bool IsGap(LoggedQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question.Record.Decision != QuestionDecision.Answered || question.Down > 0;
    }

    /// <summary>The guide section of the passage retrieval ranked first (<c>guide#slug/n score …</c>), if any.</summary>
    public static string? TopSection(AnswerRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var first = record.Scores.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Split(' ')[0];
        if (string.IsNullOrEmpty(first))
        {
            return null;
        }

        var slash = first.LastIndexOf('/');
        return slash > 0 ? first[..slash] : first;
    }

    private static List<List<LoggedQuestion>> ByMeaning(List<LoggedQuestion> gaps, ITextEmbedder embedder, CancellationToken cancellationToken)
    {
        var vectors = new List<float[]>(gaps.Count);
        foreach (var batch in gaps.Chunk(8))
        {
            vectors.AddRange(embedder.Embed(batch.Select(q => q.Record.Question).ToList(), cancellationToken));
        }

        var groups = new List<(float[] Vector, List<LoggedQuestion> Members)>();
        for (var i = 0; i < gaps.Count; i++)
        {
            var home = groups.FindIndex(g => VectorMath.Dot(g.Vector, vectors[i]) >= SameMeaning);
            if (home < 0)
            {
                groups.Add((vectors[i], [gaps[i]]));
            }
            else
            {
                groups[home].Members.Add(gaps[i]);
            }
        }

        return groups.Select(g => g.Members).ToList();
    }

    private static List<List<LoggedQuestion>> BySection(List<LoggedQuestion> gaps) =>
        gaps.GroupBy(q => TopSection(q.Record) ?? string.Empty, StringComparer.Ordinal).Select(g => g.ToList()).ToList();

    private GapGroup Describe(List<LoggedQuestion> questions)
    {
        var reference = questions
            .Select(q => TopSection(q.Record))
            .Where(r => r is not null)
            .GroupBy(r => r!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .Select(g => g.Key)
            .FirstOrDefault();
        var name = reference is not null && guides.FindSection(reference) is { } section
            ? section.ToCitation().Display
            : "no guide section came close";
        return new GapGroup(questions, reference, name);
    }
}
