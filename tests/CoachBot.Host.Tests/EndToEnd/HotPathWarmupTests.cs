using CoachBot.Ai.Answers;
using CoachBot.Ai.Answers.Meaning;
using CoachBot.Hosting.Warmup;
using CoachBot.Knowledge.Retrieval;
using CoachBot.Knowledge.Semantic;

namespace CoachBot.Host.Tests.EndToEnd;

/// <summary>The hot-path warm-up of a started bot: runs its rounds, reported on /readyz, and touches nothing outside the process.</summary>
public sealed class HotPathWarmupTests
{
    private static readonly TimeSpan Guard = ReadyzProbe.Guard;

    [Fact]
    public async Task Warmup_RunsItsRounds_WithoutCallingTheLlmOrSendingAnything_ThenReadyzSaysDone()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var llm = await FakeOpenAiServer.StartAsync();
        await using var host = await RealHost.StartAsync(
        [
            .. ReadyzProbe.DiscordArgs(discord),
            "--Llm:Endpoint=" + llm.BaseUrl,
            "--Llm:ChatModel=fake-model",
            "--Warmup:Rounds=3",
        ]);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        await discord.WaitForSessionAsync(Guard);

        var body = await ReadyzProbe.PollAsync(http, body => body["warmup"]?.GetValue<string>() is "done" or "failed");

        Assert.Equal("done", body["warmup"]!.GetValue<string>());
        Assert.Equal("Healthy", body["status"]!.GetValue<string>());
        Assert.Empty(llm.Requests);
        Assert.DoesNotContain(discord.Requests, r => r.Path.Contains("/messages", StringComparison.Ordinal) || r.Path.Contains("/callback", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Warmup_ZeroRounds_IsOff()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var host = await RealHost.StartAsync([.. ReadyzProbe.DiscordArgs(discord), "--Warmup:Rounds=0"]);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        await discord.WaitForSessionAsync(Guard);

        var body = await ReadyzProbe.PollAsync(http, body => body["status"]?.GetValue<string>() == "Healthy");

        Assert.Equal("off", body["warmup"]!.GetValue<string>());
        Assert.Equal(HotPathState.Off, host.Services.GetRequiredService<HotPathWarmup>().State);
    }

    [Fact]
    public async Task Warmup_EmbedsEveryGuideSentence_SoAnAnswerAfterItEmbedsNoGuideSentence()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        // A quick stand-in for the sentence model: the test is about which texts are embedded when, not their vectors.
        await using var host = await RealHost.StartAsync(
            services => services.AddSingleton<ITextEmbedder>(new LengthEmbedder()),
            [.. ReadyzProbe.DiscordArgs(discord), "--Warmup:Rounds=1", "--Knowledge:Semantic:Enabled=true"]);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        await discord.WaitForSessionAsync(Guard);
        var body = await ReadyzProbe.PollAsync(http, body => body["warmup"]?.GetValue<string>() is "done" or "failed");
        Assert.Equal("done", body["warmup"]!.GetValue<string>());
        var cache = host.Services.GetRequiredService<SentenceVectorCache>();
        var guideSentences = host.Services.GetRequiredService<LucenePassageRetriever>().Index.Chunks
            .Select(chunk => chunk.Passage).DistinctBy(passage => passage.Id)
            .SelectMany(passage => SentenceSplitter.Split(passage.Text))
            .Distinct(StringComparer.Ordinal)
            .Count();

        var afterWarmup = cache.Count;
        var answer = await host.Services.GetRequiredService<OfflineAnswers>()
            .AnswerAsync(new AnswerRequest(new CoachBot.Core.Conversations.ConversationKey(CoachBot.Core.Conversations.ChatPlatform.Terminal, "t", "t"), "u", "which database should i learn, mysql or postgres?"), CancellationToken.None);

        Assert.True(guideSentences > 100, $"{guideSentences} guide sentences");
        // Every guide sentence and nothing else (questions are embedded per request, not cached).
        Assert.Equal(guideSentences, afterWarmup);
        // The answer was judged on its passages' sentences (with the stand-in vectors it may be declined; that is not the point).
        Assert.NotEmpty(answer.Evidence.Passages);
        Assert.Equal(afterWarmup, cache.Count);
    }

    private sealed class LengthEmbedder : ITextEmbedder
    {
        public string ModelId => "length-test-embedder";

        public int Dimensions => 8;

        public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
            texts.Select(text =>
            {
                var vector = new float[Dimensions];
                vector[text.Length % Dimensions] = 1;
                return vector;
            }).ToArray();
    }
}
