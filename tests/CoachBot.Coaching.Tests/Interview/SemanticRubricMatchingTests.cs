using System.Text.Json;

namespace CoachBot.Coaching.Tests.Interview;

/// <summary>The offline check with the real MiniLM model: matching by meaning, off-topic answers, and honest coverage wording.</summary>
public sealed class SemanticRubricMatchingTests : IDisposable
{
    private const string ParaphrasedJoin =
        "Say I have a customers table and an orders table. With an inner join I only get the pairs where a customer actually has an order, " +
        "so people who never bought anything simply drop out of the result. A left join keeps every customer no matter what, and for the ones " +
        "without any order the order columns are just empty, they come back as NULL.";

    private const string SwappedJoin =
        "An inner join returns all rows from both tables, every row, even when there is no match, and fills the gaps with NULL. A left join " +
        "returns only matching rows that match in both tables, so it is the stricter one. For example with customers and orders, a left join " +
        "shows only the customers who have orders.";

    private static readonly InterviewBank Bank = InterviewBankLoader.LoadDirectory(InterviewRepo.Bank);
    private static readonly SynonymSet Synonyms = SynonymSet.Load(Path.Combine(InterviewRepo.Knowledge, "synonyms.txt"));

    private readonly RubricScorer _byMeaning = new(Synonyms, vectors: new RubricVectors(SharedTextEmbedder.Instance));
    private readonly RubricScorer _byWords = new(Synonyms);

    private static InterviewQuestion Join => Bank.Find("db-junior-sql-join")!;

    [Fact]
    public void ParaphrasedStrongAnswer_IsCreditedByMeaning_BeyondWhatItsWordsShow()
    {
        const string answer =
            "It's an extra lookup structure the database keeps next to the table, normally a balanced tree, so it can jump straight to the " +
            "matching rows instead of reading the whole table one row at a time. I'd create one on columns my frequent queries filter, sort or " +
            "join on. The downside is that it takes extra disk space and every insert or update has to maintain it too.";
        var indexes = Bank.Find("db-junior-indexes")!;

        var meaning = _byMeaning.Assess(indexes, answer);
        var words = _byWords.Assess(indexes, answer);

        Assert.True(meaning.MatchedByMeaning);
        Assert.True(meaning.Score >= 4, $"coverage {meaning.Score}/5");
        Assert.True(meaning.Covered.Count > words.Covered.Count, $"meaning {meaning.Covered.Count}, words {words.Covered.Count}");
    }

    [Fact]
    public void ParaphrasedJoinAnswer_CoversTheInnerLeftAndNullPoints()
    {
        var result = _byMeaning.Assess(Join, ParaphrasedJoin);

        Assert.Equal(AnswerVerdict.Scored, result.Verdict);
        Assert.True(result.Score >= 4, $"coverage {result.Score}/5");
        Assert.Contains(result.Covered, p => p.Point.StartsWith("A left join", StringComparison.Ordinal));
    }

    [Fact]
    public void TwoSentenceAnswerPackedWithKeywords_MakesAtMostTwoPoints()
    {
        // Every one of the four points' keywords, in two sentences.
        const string answer =
            "Authentication is about identity, login, passwords, sessions and tokens with a 401 when it fails. " +
            "Authorization is about permissions, roles, access control and a 403 forbidden when you are not allowed.";
        var question = Bank.Find("sec-junior-authn-authz")!;

        var result = _byMeaning.Assess(question, answer);

        Assert.Equal(AnswerVerdict.Scored, result.Verdict);
        Assert.InRange(result.Covered.Count, 1, 2);
        Assert.True(_byWords.Assess(question, answer).Covered.Count > 2, "the words alone name more than two points");
    }

    [Fact]
    public void VagueAnswer_CountsOncePerSentence_NotForEveryPointItIsLooselyNear()
    {
        var result = _byMeaning.Assess(Bank.Find("db-junior-indexes")!, "An index makes reads faster, like the index at the back of a book. You add one when a query is slow.");

        Assert.True(result.Covered.Count <= 2, $"{result.Covered.Count} points from two sentences");
        Assert.True(result.Score <= 3);
    }

    [Fact]
    public void SentenceWhoseNearestPointIsAlreadyMade_MakesTheNextPointItIsCloseTo()
    {
        // The second sentence (joins and all-or-nothing changes, in other words) is nearest to the tables point, which
        // the first sentence makes better; it still states the joins-and-transactions point, and is close enough to it.
        const string answer =
            "A relational store keeps data in tables where every row has the same columns, decided up front. " +
            "You can combine tables in one query and wrap several changes so they either all happen or none do. " +
            "Document stores let each record have its own shape.";
        var question = Bank.Find("db-junior-sql-vs-nosql")!;

        var result = _byMeaning.Assess(question, answer);

        Assert.Contains(result.Covered, p => p.Point.StartsWith("SQL databases support joins", StringComparison.Ordinal));
        Assert.Equal(3, result.Covered.Count);
    }

    [Fact]
    public void KeywordInAnOnTopicSentence_MakesItsPoint_ThoughTheSentenceIsWordedFarFromThePoint()
    {
        // A story's sentence is far from the rubric's description of it ("Listens and seeks to understand the other
        // view"), but it is about the question with its neighbour and names the point's keyword ("asked").
        const string answer =
            "A colleague wanted to move our reporting to a graph database and I disagreed, because it meant a lot of extra operating work. " +
            "I asked him to show me the queries that hurt him most. " +
            "We tested both options on real data for two days and Postgres with two indexes was fast enough. " +
            "He accepted it, and I helped him tune the queries afterwards.";
        var question = Bank.Find("beh-mid-disagreement")!;

        var result = _byMeaning.Assess(question, answer);

        Assert.Contains(result.Covered, p => p.Point.StartsWith("Listens and seeks to understand", StringComparison.Ordinal));
    }

    [Fact]
    public void SentencePackedWithSeveralPointsKeywords_MakesOneOfThem_NotOnePerWindowAroundIt()
    {
        // The first sentence names a keyword of all five points; the other two are vague.
        const string answer =
            "I use branch, commit, pull request, rebase and CI every day. Git is really important when working in a team. " +
            "It helps everyone stay organised and not lose any code.";
        var question = Bank.Find("test-junior-git-workflow")!;

        var result = _byMeaning.Assess(question, answer);

        Assert.True(_byWords.Assess(question, answer).Covered.Count == 5, "the words alone name all five points");
        Assert.InRange(result.Covered.Count, 1, 2);
    }

    [Fact]
    public void KeywordStuffedWrongAnswer_Offline_GetsCoverageWording_NeverAGradeOrPraise()
    {
        var assessment = _byMeaning.Assess(Join, SwappedJoin);
        var feedback = OfflineFeedbackComposer.Compose(Join, assessment, []);

        var text = InterviewReplies.Feedback(feedback, 0, 3).Text;

        Assert.Equal(AnswerVerdict.Scored, assessment.Verdict);
        Assert.StartsWith("**Coverage: ", text, StringComparison.Ordinal);
        Assert.Contains($"covers {assessment.Covered.Count} of {Join.Rubric.Count} key points", text, StringComparison.Ordinal);
        Assert.Contains(InterviewReplies.CannotVerify, text, StringComparison.Ordinal);
        Assert.Contains("whether it gets it right or not", text, StringComparison.Ordinal);
        Assert.DoesNotContain("good", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("correct", text.Replace(InterviewReplies.CannotVerify, "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("You covered", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Score", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Last weekend I went hiking with my friends in the mountains and we cooked dinner over a campfire.")]
    [InlineData("I think remote work is great because I save two hours of commuting every day and I can walk my dog at lunch.")]
    [InlineData("Kubernetes schedules containers onto nodes and restarts them when they crash. Helm charts package the manifests.")]
    public void OffTopicAnswer_IsNeverScored(string answer)
    {
        var result = _byMeaning.Assess(Join, answer);

        Assert.Equal(AnswerVerdict.OffTopic, result.Verdict);
        Assert.False(result.IsScored);
    }

    [Fact]
    public void AnswerMostlyAboutSomethingElse_LosesAPoint_AndSaysSo()
    {
        const string answer =
            "An inner join only gives you rows that have a partner in both tables. " +
            "Anyway, last weekend I went hiking with friends in the mountains. We cooked dinner over a campfire and it rained a lot. " +
            "The view from the top was worth it and we took hundreds of photos of the lake. Next month we want to go camping by the sea.";

        var result = _byMeaning.Assess(Join, answer);
        var text = InterviewReplies.Feedback(OfflineFeedbackComposer.Compose(Join, result, []), 0, 3).Text;

        Assert.True(result.MostlyUnrelated, $"on-topic share {result.OnTopicShare:0.00}");
        Assert.Equal(Math.Max(1, RubricScorer.ScoreOf(result.Covered.Count, Join.Rubric.Count) - 1), result.Score);
        Assert.Contains("about something other than the question", text, StringComparison.Ordinal);
    }

    [Fact]
    public void LabelledSet_OffTopicAnswersAreNeverScored_AndEveryScoredFeedbackSaysItCannotVerify()
    {
        var offTopic = 0;
        var scored = 0;
        foreach (var line in File.ReadLines(Path.Combine(InterviewRepo.Knowledge, "eval", "interview-answers.jsonl")))
        {
            using var json = JsonDocument.Parse(line);
            var question = Bank.Find(json.RootElement.GetProperty("question_id").GetString()!)!;
            var label = json.RootElement.GetProperty("label").GetString();
            var result = _byMeaning.Assess(question, json.RootElement.GetProperty("answer").GetString());
            if (label == "off-topic")
            {
                offTopic++;
                Assert.False(result.IsScored, $"{question.Id}: off-topic answer scored {result.Score}");
            }
            else if (result.IsScored)
            {
                scored++;
                var text = InterviewReplies.Feedback(OfflineFeedbackComposer.Compose(question, result, []), 0, 1).Text;
                Assert.Contains(InterviewReplies.CannotVerify, text, StringComparison.Ordinal);
            }
        }

        Assert.True(offTopic >= 10, "the set has an off-topic answer for at least 10 questions");
        Assert.True(scored >= 20);
    }

    [Fact]
    public void ModelFailure_FallsBackToKeywordMatching_InsteadOfLosingTheFeedback()
    {
        using var scorer = new RubricScorer(Synonyms, vectors: new RubricVectors(new BrokenEmbedder()));

        var result = scorer.Assess(Join, SwappedJoin);

        Assert.Equal(AnswerVerdict.Scored, result.Verdict);
        Assert.False(result.MatchedByMeaning);
        Assert.Equal(_byWords.Assess(Join, SwappedJoin).Score, result.Score);
    }

    [Fact]
    public void Sentences_SplitAtSentenceEndsAndClauseJoints_NotAtAbbreviations()
    {
        var sentences = AnswerSentences.Split("Use an index, e.g. a B-tree. It speeds reads, but it slows writes!\n- and costs disk");

        Assert.Equal(["Use an index, e.g. a B-tree.", "It speeds reads", "it slows writes!", "and costs disk"], sentences);
    }

    public void Dispose()
    {
        _byMeaning.Dispose();
        _byWords.Dispose();
    }
}

/// <summary>A model that fails, as an ONNX runtime error would.</summary>
internal sealed class BrokenEmbedder : CoachBot.Knowledge.Semantic.ITextEmbedder
{
    public string ModelId => "broken";

    public int Dimensions => 384;

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("model failed to load");
}
