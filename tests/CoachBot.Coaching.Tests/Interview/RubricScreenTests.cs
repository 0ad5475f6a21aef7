using System.Text.Json;
using CoachBot.Knowledge.Tests.Semantic;

namespace CoachBot.Coaching.Tests.Interview;

/// <summary>
/// The verdict-only screen the LLM path uses: the same verdict as the whole offline check, with no neighbouring-sentence
/// pairs embedded for an answer that is on the question; the whole check finishes from what the screen embedded.
/// </summary>
public sealed class RubricScreenTests : IDisposable
{
    private const string JoinAnswer =
        "An inner join only returns the rows that match in both tables. A left join keeps every row of the left table. " +
        "Where the right table has no match, its columns come back as NULL.";

    private static readonly InterviewBank Bank = InterviewBankLoader.LoadDirectory(InterviewRepo.Bank);
    private static readonly SynonymSet Synonyms = SynonymSet.Load(Path.Combine(InterviewRepo.Knowledge, "synonyms.txt"));

    private readonly RecordingTextEmbedder _embedder = new(SharedTextEmbedder.Instance);
    private readonly RubricScorer _scorer;
    private readonly RubricScorer _reference = new(Synonyms, vectors: new RubricVectors(SharedTextEmbedder.Instance));

    public RubricScreenTests() => _scorer = new RubricScorer(Synonyms, vectors: new RubricVectors(_embedder));

    private static InterviewQuestion Join => Bank.Find("db-junior-sql-join")!;

    [Fact]
    public void OnTopicAnswer_IsScoredFromItsSentencesAlone_AndThePairsAreEmbeddedOnlyWhenTheCoverageIsAskedFor()
    {
        var sentences = AnswerSentences.Split(JoinAnswer);
        _scorer.Screen(Join, "An inner join returns matching rows only.");
        _embedder.Texts.Clear();

        var screen = _scorer.Screen(Join, JoinAnswer);

        Assert.True(screen.IsScored);
        Assert.False(screen.IsComplete);
        Assert.Equal(sentences, _embedder.Texts);

        _embedder.Texts.Clear();
        var assessment = _scorer.Assess(screen);

        Assert.Equal(sentences.Count - 1, _embedder.Texts.Count);
        Assert.All(_embedder.Texts, pair => Assert.DoesNotContain(pair, sentences));
        var whole = _reference.Assess(Join, JoinAnswer);
        Assert.Equal(whole.Score, assessment.Score);
        Assert.Equal(whole.Covered, assessment.Covered);
        Assert.Equal(whole.OnTopicShare, assessment.OnTopicShare);
    }

    [Fact]
    public void LabelledSet_TheScreensVerdict_IsTheWholeChecksVerdict_ForEveryAnswer()
    {
        var answers = 0;
        foreach (var line in File.ReadLines(Path.Combine(InterviewRepo.Knowledge, "eval", "interview-answers.jsonl")))
        {
            using var json = JsonDocument.Parse(line);
            var question = Bank.Find(json.RootElement.GetProperty("question_id").GetString()!)!;
            var answer = json.RootElement.GetProperty("answer").GetString();

            var screen = _scorer.Screen(question, answer);
            var whole = _reference.Assess(question, answer);

            Assert.True(whole.Verdict == screen.Verdict, $"{question.Id}: screen {screen.Verdict}, whole check {whole.Verdict}");
            Assert.Equal(whole, _scorer.Assess(screen), AssessmentComparer.Instance);
            answers++;
        }

        Assert.True(answers >= 30);
    }

    [Fact]
    public void AnswerMostlyAboutSomethingElse_GetsTheWholeCheckAtOnce()
    {
        var screen = _scorer.Screen(Join, "Last weekend I went hiking with my friends in the mountains and we cooked dinner over a campfire.");

        Assert.Equal(AnswerVerdict.OffTopic, screen.Verdict);
        Assert.True(screen.IsComplete);
    }

    [Fact]
    public void ModelFailure_ScreensByKeywords_AsTheWholeCheckDoes()
    {
        using var broken = new RubricScorer(Synonyms, vectors: new RubricVectors(new BrokenEmbedder()));

        var screen = broken.Screen(Join, JoinAnswer);

        Assert.Equal(AnswerVerdict.Scored, screen.Verdict);
        Assert.False(broken.Assess(screen).MatchedByMeaning);
    }

    public void Dispose()
    {
        _scorer.Dispose();
        _reference.Dispose();
    }

    /// <summary>Same verdict, score, points and on-topic share (the record's lists compare by reference).</summary>
    private sealed class AssessmentComparer : IEqualityComparer<RubricAssessment>
    {
        public static readonly AssessmentComparer Instance = new();

        public bool Equals(RubricAssessment? x, RubricAssessment? y) =>
            x is not null && y is not null && x.Verdict == y.Verdict && x.Score == y.Score
            && x.Covered.SequenceEqual(y.Covered) && x.Missing.SequenceEqual(y.Missing)
            && x.OnTopicShare.Equals(y.OnTopicShare) && x.MostlyUnrelated == y.MostlyUnrelated && x.MatchedByMeaning == y.MatchedByMeaning;

        public int GetHashCode(RubricAssessment obj) => obj.Score;
    }
}
