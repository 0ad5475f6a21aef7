using System.Net;
using CoachBot.Testing.FakeOpenAi;

namespace CoachBot.Coaching.Tests.Interview;

/// <summary>The LLM path end to end: Semantic Kernel's OpenAI connector against the fake OpenAI-compatible server on loopback.</summary>
public sealed class InterviewLlmFeedbackTests(FakeOpenAiFixture llm) : IClassFixture<FakeOpenAiFixture>, IAsyncLifetime
{
    private const string ModelJson = """
        {"score": 3, "strengths": ["You explained what an index is for."], "missing_points": ["The cost on writes"],
         "improved_outline": "Say what an index is\nWhen to add one\nWhat it costs", "follow_up": "How would you spot a missing index?"}
        """;

    private FakeOpenAiServer _llm = null!;
    private InterviewHost _host = null!;
    private int _requestsBefore;

    // Requests this test caused (the fake server is shared by the class).
    private IReadOnlyList<RecordedChatRequest> Requests => _llm.Requests.Skip(_requestsBefore).ToList();

    public async Task InitializeAsync()
    {
        _llm = llm.Server;
        _requestsBefore = _llm.Requests.Count;
        // A host per test: each gets its own LLM circuit breaker, so one test's failures never open it for the next.
        _host = await InterviewHost.StartAsync(llm.DataDirectory, systemClock: true, seams: seams => seams.WithOpenAiEndpoint(_llm.BaseUrl, FakeOpenAiFixture.ApiKey));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static CommandContext Me() => InterviewHost.Context("U" + Guid.NewGuid().ToString("N")[..10], "C1");

    [Fact]
    public async Task ValidStructuredJson_IsRenderedAsTheFeedback_WithTheRubricAndPassagesGivenToTheModel()
    {
        var me = Me();
        await _host.CommandAsync(me, "/interview junior databases 3");
        var question = await _host.CurrentQuestionAsync(me);
        _llm.Enqueue(FakeChatResponse.Text(ModelJson));
        // About the question actually drawn (the bank's order varies), so the off-topic check never stops it before the model.
        var answer = InterviewHost.StrongAnswer(question);

        var replies = await _host.SayAsync(me, answer);

        var feedback = replies[0];
        Assert.Contains("**Score: 3/5**", feedback.Text, StringComparison.Ordinal);
        Assert.Contains("You explained what an index is for.", feedback.Text, StringComparison.Ordinal);
        Assert.Contains("The cost on writes", feedback.Text, StringComparison.Ordinal);
        Assert.Contains("3. What it costs", feedback.Text, StringComparison.Ordinal);
        Assert.Contains("How would you spot a missing index?", feedback.Text, StringComparison.Ordinal);
        Assert.Contains("AI model", feedback.Footer, StringComparison.Ordinal);
        Assert.True(feedback.Sources.Count >= 2, "the question's section and the passages' sections are cited");

        var request = Assert.Single(Requests);
        var sent = string.Join("\n", request.Messages.Select(m => m.Content));
        Assert.Contains(question.Question, sent, StringComparison.Ordinal);
        Assert.All(question.Rubric, p => Assert.Contains(p.Point, sent, StringComparison.Ordinal));
        Assert.Contains("[P1]", sent, StringComparison.Ordinal);
        Assert.Contains(answer, sent, StringComparison.Ordinal);

        var stored = Assert.Single((await _host.ActiveAsync(me))!.Answers);
        Assert.Equal("llm", stored.FeedbackSource);
        Assert.Equal(3, stored.Score);
    }

    [Fact]
    public async Task KeywordRichWrongAnswer_GetsTheModelsLowGrade_AndThePromptCarriesRubricGuideSectionAnswerAndTheWrongClaimRule()
    {
        const string lowGrade = """
            {"score": 1, "strengths": [], "missing_points": ["Incorrect: a LEFT JOIN keeps every row of the left table; the answer swaps it with INNER JOIN"],
             "improved_outline": "An inner join keeps only matching rows\nA left join keeps every left row\nUnmatched right columns are NULL", "follow_up": null}
            """;
        const string swapped = "An inner join returns all rows from both tables, every row, and fills the gaps with NULL. A left join returns only matching rows that match in both tables, for example customers and orders.";
        // A server and host of its own: no response scripted by another test of the class can be left in its queue.
        await using var server = await FakeOpenAiServer.StartAsync();
        using var data = new TempDirectory("coachbot-interview", Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools);
        await using var host = await InterviewHost.StartAsync(data.Path, systemClock: true, seams: seams => seams.WithOpenAiEndpoint(server.BaseUrl, FakeOpenAiFixture.ApiKey));
        var join = host.Bank.Find("db-junior-sql-join")!;
        var sources = host.Services.GetRequiredService<InterviewTopicSources>();
        server.Enqueue(FakeChatResponse.Text(lowGrade));

        var evaluation = await host.Services.GetRequiredService<InterviewFeedbackService>().EvaluateAsync(join, swapped, "T-low-grade", CancellationToken.None);
        var reply = InterviewReplies.Feedback(evaluation.Feedback!, 0, 3);

        Assert.True(evaluation.Feedback!.Source == FeedbackSource.Llm, $"fell back: {evaluation.Feedback.LlmFellBack}, requests {server.Requests.Count}");
        Assert.Contains("**Score: 1/5**", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Incorrect: a LEFT JOIN keeps every row", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("What was good", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("cover", reply.Text.Replace("A stronger answer would cover", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Graded by the AI model", reply.Footer, StringComparison.Ordinal);

        var sent = string.Join("\n", Assert.Single(server.Requests).Messages.Select(m => m.Content));
        Assert.All(join.Rubric, p => Assert.Contains(p.Point, sent, StringComparison.Ordinal));
        Assert.Contains(swapped, sent, StringComparison.Ordinal);
        var reference = sources.ReferenceText(join);
        Assert.NotNull(reference);
        Assert.Contains(LongestPlainRun(reference!), sent, StringComparison.Ordinal);
        Assert.Contains("A swapped, inverted or confused definition is a wrong answer whatever words it uses", sent, StringComparison.Ordinal);
        Assert.Contains("Guide section this question is based on", sent, StringComparison.Ordinal);
    }

    // A stretch of the guide text without characters the prompt template encodes, to find it in the request as sent.
    private static string LongestPlainRun(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, "[A-Za-z0-9 ,.]{20,}").Select(m => m.Value.Trim()).MaxBy(v => v.Length)!;

    [Theory]
    [InlineData("prose")]
    [InlineData("score-out-of-range")]
    [InlineData("broken-http-body")]
    [InlineData("server-error")]
    public async Task ModelFailure_FallsBackToTheOfflineRubricCheck(string failure)
    {
        var me = Me();
        await _host.CommandAsync(me, "/interview junior databases 3");
        var question = await _host.CurrentQuestionAsync(me);
        switch (failure)
        {
            case "prose":
                _llm.Enqueue(FakeChatResponse.Text("That was a decent answer, I'd say four out of five."));
                break;
            case "score-out-of-range":
                _llm.Enqueue(FakeChatResponse.Text(ModelJson.Replace("\"score\": 3", "\"score\": 9", StringComparison.Ordinal)));
                break;
            case "broken-http-body":
                _llm.Enqueue(FakeChatResponse.Malformed(), FakeChatResponse.Malformed());
                break;
            default:
                _llm.Enqueue(FakeChatResponse.Status(HttpStatusCode.InternalServerError), FakeChatResponse.Status(HttpStatusCode.InternalServerError));
                break;
        }

        var replies = await _host.SayAsync(me, InterviewHost.StrongAnswer(question));

        var feedback = replies[0];
        Assert.Contains("**Coverage: 5/5**", feedback.Text, StringComparison.Ordinal);
        Assert.Contains(InterviewReplies.CannotVerify, feedback.Text, StringComparison.Ordinal);
        Assert.Contains("didn't respond", feedback.Footer, StringComparison.Ordinal);
        Assert.NotEmpty(Requests);
        Assert.Equal("offline", Assert.Single((await _host.ActiveAsync(me))!.Answers).FeedbackSource);
        Assert.Contains("Question 2/3", replies[1].Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NudgedAnswers_NeverReachTheModel()
    {
        var me = Me();
        await _host.CommandAsync(me, "/interview junior databases 3");

        var replies = await _host.SayAsync(me, "dunno");

        Assert.Contains("/interview skip", Assert.Single(replies).Text, StringComparison.Ordinal);
        Assert.Empty(Requests);
    }

    [Fact]
    public async Task TheApiKey_NeverAppearsInAReply()
    {
        var me = Me();
        await _host.CommandAsync(me, "/interview junior databases 3");
        _llm.Enqueue(FakeChatResponse.Status(HttpStatusCode.Unauthorized, "Incorrect API key provided: " + FakeOpenAiFixture.ApiKey));

        var replies = await _host.SayAsync(me, InterviewHost.StrongAnswer(await _host.CurrentQuestionAsync(me)));

        Assert.All(replies, r => Assert.DoesNotContain(FakeOpenAiFixture.ApiKey, r.Text + r.Footer, StringComparison.Ordinal));
        Assert.NotEmpty(Requests);
    }
}
