using CoachBot.Ai.Answers;
using CoachBot.Storage;
using CoachBot.Terminal;

namespace CoachBot.Host.Tests.EndToEnd;

/// <summary>The terminal chat over the real feature services (real guides, offline answers, a temp SQLite folder).</summary>
public sealed class TerminalEndToEndTests : IDisposable
{
    private readonly string _dataDirectory =
        Path.Combine(Path.GetTempPath(), "coachbot-e2e-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture));

    [Fact]
    public async Task OnTopicQuestion_GetsAQuotedAnswerWithSources()
    {
        var transcript = await ChatAsync("What should I learn first to become a backend developer?\n");

        Assert.Contains("\n> ", "\n" + transcript, StringComparison.Ordinal);
        Assert.Contains("Sources:\n  [1] ", transcript.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("outside what my guides cover", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OffTopicQuestion_IsDeclinedWithWhatTheCoachCanHelpWith()
    {
        var transcript = await ChatAsync("what's the weather in Paris tomorrow?\n");

        Assert.Contains("outside what my guides cover", transcript, StringComparison.Ordinal);
        Assert.Contains(CoachReplies.CanHelpWith, transcript, StringComparison.Ordinal);
        Assert.DoesNotContain("Sources:", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuizThenTypingANumber_AnswersTheQuestionWithRightOrWrongFeedback()
    {
        var transcript = await ChatAsync("/quiz git 3\n1\n");

        Assert.Contains("  1) ", transcript, StringComparison.Ordinal);
        Assert.True(
            transcript.Contains("Right!", StringComparison.Ordinal) || transcript.Contains("Not quite.", StringComparison.Ordinal),
            "typing 1 must answer the question: " + transcript);
        Assert.DoesNotContain("Pick one of the numbers", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuizAnswer_PrintsTheExplanationsSourcesWithTheExplanation_BeforeTheNextQuestionAndItsOptions()
    {
        var transcript = (await ChatAsync("/quiz databases 3\n1\n")).ReplaceLineEndings("\n");

        var afterAnswer = transcript[transcript.IndexOf("Quiz · Question 2/3", StringComparison.Ordinal)..];
        var sources = afterAnswer.IndexOf("Sources:\n  [1] ", StringComparison.Ordinal);
        var nextPart = afterAnswer.IndexOf("\n---\n", StringComparison.Ordinal);
        var firstOption = afterAnswer.IndexOf("  1) ", StringComparison.Ordinal);
        Assert.True(sources > 0, "the explanation cites its section: " + afterAnswer);
        Assert.True(sources < nextPart && nextPart < firstOption, "sources must come before the next question and its options: " + afterAnswer);
    }

    [Fact]
    public async Task QuizPicker_IsListedAsNumberedButtons_AndANumberStartsThatQuiz()
    {
        var transcript = await ChatAsync("/quiz\n1\n");

        Assert.Contains("  1) ", transcript, StringComparison.Ordinal);
        Assert.Contains("  15) 📉 My weakest skill", transcript, StringComparison.Ordinal);
        Assert.Contains("Starting a quiz on", transcript, StringComparison.Ordinal);
        Assert.Contains("Quiz · Question 1/", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Question_WithAStreamingModel_PrintsTheAnswerAsItIsWritten_OnceAndWholeWithItsSources()
    {
        await using var llm = await FakeOpenAiServer.StartAsync();
        llm.Responder = _ => FakeChatResponse.Text("Pick one backend language and build a small API with a database behind it [P1]. Then deploy it.");

        var transcript = (await ChatAsync("What should I learn first to become a backend developer?\n", llm)).ReplaceLineEndings("\n");

        Assert.True(Assert.Single(llm.Requests).Streamed);
        const string answer = "Pick one backend language and build a small API with a database behind it [1]. Then deploy it.";
        Assert.Contains(answer + "\nSources:\n  [1] ", transcript, StringComparison.Ordinal);
        Assert.Equal(transcript.IndexOf("Pick one", StringComparison.Ordinal), transcript.LastIndexOf("Pick one", StringComparison.Ordinal)); // printed once
        Assert.DoesNotContain(TerminalLiveAnswer.ReplacedMarker, transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Question_WhenTheStreamBreaksOff_PrintsAMarkerThenTheOfflineAnswerWithItsNote()
    {
        await using var llm = await FakeOpenAiServer.StartAsync();
        llm.Responder = _ => FakeChatResponse.BreaksOffMidStream("Pick one backend language and build a small API with a database behind it", afterTokens: 5);

        var transcript = await ChatAsync("What should I learn first to become a backend developer?\n", llm);

        var marker = transcript.IndexOf(TerminalLiveAnswer.ReplacedMarker, StringComparison.Ordinal);
        Assert.True(marker > transcript.IndexOf("Pick one", StringComparison.Ordinal), transcript);
        Assert.Contains(CoachReplies.LlmFallbackNote, transcript[marker..], StringComparison.Ordinal);
        Assert.Contains("Sources:", transcript[marker..], StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task MyData_ExportWritesTheJsonFileAndPrintsItsPath_ThenDeleteAsksAndDeletes()
    {
        var files = Path.Combine(_dataDirectory, "exports");

        var transcript = await ChatAsync("/quiz databases 3\n1\n/mydata export\n/mydata delete\n1\n", filesDirectory: files);

        var written = Assert.Single(Directory.GetFiles(files, "coachbot-data-*.json"));
        Assert.Contains("File saved: " + written, transcript, StringComparison.Ordinal);
        var json = await File.ReadAllTextAsync(written);
        Assert.True(json.Contains("\"quiz_answers\"", StringComparison.Ordinal), transcript + json);
        Assert.Contains("terminal:local-user", json, StringComparison.Ordinal);
        Assert.Contains("Delete everything", transcript, StringComparison.Ordinal);
        Assert.Contains("about you deleted", transcript, StringComparison.Ordinal);
    }

    private async Task<string> ChatAsync(string script, FakeOpenAiServer? llm = null, string? filesDirectory = null)
    {
        string[] args = llm is null
            ? ["--Storage:DataDirectory=" + _dataDirectory]
            : ["--Storage:DataDirectory=" + _dataDirectory, "--Llm:Endpoint=" + llm.BaseUrl, "--Llm:ChatModel=fake-model", "--Llm:TimeoutSeconds=30"];
        await using var services = CoachCommandLine.BuildServices(args);
        // As the host does at start-up (StorageInitializerHostedService) before the terminal chat opens.
        await services.GetRequiredService<IStorageInitializer>().InitializeAsync(CancellationToken.None);
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var chat = new TerminalChat(services.GetRequiredService<CoachDispatcher>(), new StringReader(script), output, "tester", interactive: false, filesDirectory);
        await chat.RunAsync(CancellationToken.None);
        return output.ToString();
    }
}
