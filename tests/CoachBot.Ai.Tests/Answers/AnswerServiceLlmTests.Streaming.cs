using CoachBot.Core.Replies.Streaming;

namespace CoachBot.Ai.Tests.Answers;

/// <summary>
/// Streamed answers end to end: Semantic Kernel's real OpenAI connector reading server-sent events from the fake
/// OpenAI server, through the resilient HttpClient (whose buffering handler must let the stream through).
/// </summary>
public sealed partial class AnswerServiceLlmTests
{
    private static AnswerRequest Ask(string question, IReplyProgress? progress) => Ask(question) with { Progress = progress };

    [Fact]
    public async Task AnswerAsync_WithProgress_StreamsTheModelTextAsItArrivesAndReturnsTheWholeAnswer()
    {
        const string modelText = "Start with a relational database such as PostgreSQL [P1], then learn a core language well [P2] and practise every day.";
        _server.Enqueue(FakeChatResponse.Text(modelText));
        var progress = new RecordingProgress();
        await using var services = Services(StubRetriever.Always(0.9, Passages));

        var answer = await services.GetRequiredService<AnswerService>().AnswerAsync(Ask("which database should I learn first?", progress), CancellationToken.None);

        Assert.True(Assert.Single(_server.Requests).Streamed);
        Assert.True(answer.UsedLlm);
        Assert.Null(answer.Note);
        Assert.Equal("Start with a relational database such as PostgreSQL [1], then learn a core language well [2] and practise every day.", answer.Text);
        // The text was reported as it grew; each report is the text so far, with markers already numbered and never half-made.
        Assert.True(progress.Texts.Count >= FakeOpenAiServer.Tokens(modelText).Count / 2, string.Join(" | ", progress.Texts));
        Assert.Equal("Start", progress.Texts[0]);
        Assert.All(progress.Texts, t => Assert.DoesNotContain("[P", t, StringComparison.Ordinal));
        Assert.All(progress.Texts, t => Assert.StartsWith(t.TrimEnd(), answer.Text, StringComparison.Ordinal));
        Assert.Equal(answer.Text, progress.Texts[^1]);
    }

    [Fact]
    public async Task AnswerAsync_WithoutProgress_AsksForTheWholeAnswerAtOnce()
    {
        _server.Enqueue(FakeChatResponse.Text("Learn SQL first [P1]."));
        await using var services = Services(StubRetriever.Always(0.9, Passages));

        var answer = await services.GetRequiredService<AnswerService>().AnswerAsync(Ask("which database should I learn first?", null), CancellationToken.None);

        Assert.False(Assert.Single(_server.Requests).Streamed);
        Assert.Equal("Learn SQL first [1].", answer.Text);
    }

    [Fact]
    public async Task AnswerAsync_StreamBreaksOffMidAnswer_EndsInTheOfflineAnswerWithTheNote()
    {
        _server.Enqueue(FakeChatResponse.BreaksOffMidStream("Start with a relational database such as PostgreSQL and then", afterTokens: 4));
        var progress = new RecordingProgress();
        _server.StreamBreakGate = progress.FirstText;   // cut only once the partial text has been shown (at most 10 s)
        await using var services = Services(StubRetriever.Always(0.9, Passages));

        var answer = await services.GetRequiredService<AnswerService>().AnswerAsync(Ask("which database should I learn first?", progress), CancellationToken.None);

        Assert.Contains(progress.Texts, t => t.StartsWith("Start with a", StringComparison.Ordinal)); // the partial text was shown…
        Assert.False(answer.UsedLlm); // …and the answer that replaces it is the offline one, with the usual note
        Assert.Equal(CoachReplies.LlmFallbackNote, answer.Note);
        Assert.NotEmpty(answer.Citations);
        Assert.DoesNotContain("such as PostgreSQL and", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAsync_ModelSlowToStart_WaitsForTheFirstTokenWithinTheTimeout()
    {
        _server.StreamFirstTokenDelay = TimeSpan.FromMilliseconds(300);
        _server.StreamTokensPerSecond = 200;
        _server.Enqueue(FakeChatResponse.Text("Learn SQL first [P1], then indexes."));
        var progress = new RecordingProgress();
        await using var services = Services(StubRetriever.Always(0.9, Passages));

        var answer = await services.GetRequiredService<AnswerService>().AnswerAsync(Ask("which database should I learn first?", progress), CancellationToken.None);

        Assert.True(answer.UsedLlm);
        Assert.Equal("Learn SQL first [1], then indexes.", answer.Text);
        Assert.NotEmpty(progress.Texts);
    }

    /// <summary>Renders and records every report (no pacing), as a console would.</summary>
    private sealed class RecordingProgress : IReplyProgress
    {
        private readonly List<string> _texts = [];
        private readonly TaskCompletionSource _firstText = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes when the first non-empty text is reported.</summary>
        public Task FirstText => _firstText.Task;

        public IReadOnlyList<string> Texts
        {
            get
            {
                lock (_texts)
                {
                    return [.. _texts];
                }
            }
        }

        public void Report(Func<string> textSoFar)
        {
            var text = textSoFar();
            lock (_texts)
            {
                if (text.Length > 0 && (_texts.Count == 0 || _texts[^1] != text))
                {
                    _texts.Add(text);
                    _firstText.TrySetResult();
                }
            }
        }
    }
}
