using CoachBot.Knowledge.Retrieval;
using CoachBot.Knowledge.Semantic;

namespace CoachBot.Host.Tests.EndToEnd;

/// <summary>/readyz while the passage vectors warm up: healthy throughout, the state in the body.</summary>
public sealed class SemanticReadinessTests
{
    private static readonly TimeSpan Guard = ReadyzProbe.Guard;

    [Fact]
    public async Task Readyz_WhileVectorsWarmUp_IsHealthyAndReportsProgressThenReady()
    {
        using var embedder = new GatedTextEmbedder();
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var host = await RealHost.StartAsync(
            services => services.AddSingleton<ITextEmbedder>(embedder),
            [.. ReadyzProbe.DiscordArgs(discord), "--Knowledge:Semantic:Enabled=true"]);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        await discord.WaitForSessionAsync(Guard);
        await embedder.FirstBatchReached.WaitAsync(Guard);

        var warming = await ReadyzProbe.PollAsync(http, body => body["semantic"]?.GetValue<string>().StartsWith("warming ", StringComparison.Ordinal) == true);
        var duringWarmup = host.Services.GetRequiredService<IPassageRetriever>().Search("how much do backend devs get paid", 3);
        embedder.Open();
        var ready = await ReadyzProbe.PollAsync(http, body => body["semantic"]?.GetValue<string>() == "ready");
        var afterWarmup = host.Services.GetRequiredService<IPassageRetriever>().Search("how much do backend devs get paid", 3);

        Assert.Equal("Healthy", warming["status"]!.GetValue<string>());
        Assert.Matches(@"^warming \d+/\d+$", warming["semantic"]!.GetValue<string>());
        Assert.Equal("Healthy", warming["checks"]!["semantic"]!["status"]!.GetValue<string>());
        Assert.Null(duringWarmup.QueryVector);
        Assert.NotEmpty(duringWarmup.Passages);
        Assert.Equal("Healthy", ready["status"]!.GetValue<string>());
        Assert.NotNull(afterWarmup.QueryVector);
    }

    [Fact]
    public async Task Readyz_SemanticDisabled_ReportsOff()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var host = await RealHost.StartAsync([.. ReadyzProbe.DiscordArgs(discord), "--Knowledge:Semantic:Enabled=false"]);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        await discord.WaitForSessionAsync(Guard);

        var body = await ReadyzProbe.PollAsync(http, body => body["status"]?.GetValue<string>() == "Healthy");

        Assert.Equal("off", body["semantic"]!.GetValue<string>());
        Assert.Equal(SemanticState.Off, host.Services.GetRequiredService<SemanticWarmup>().State);
    }

    /// <summary>A model-free embedder that holds every batch until <see cref="Open"/>: the warm-up stays in progress meanwhile.</summary>
    private sealed class GatedTextEmbedder : ITextEmbedder, IDisposable
    {
        private readonly ManualResetEventSlim _gate = new();
        private readonly TaskCompletionSource _firstBatch = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string ModelId => "gated-test-embedder";

        public int Dimensions => 8;

        public Task FirstBatchReached => _firstBatch.Task;

        public void Open() => _gate.Set();

        public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
        {
            if (texts.Count > 1 || !_gate.IsSet)
            {
                _firstBatch.TrySetResult();
                _gate.Wait(cancellationToken);
            }

            return texts.Select(text =>
            {
                var vector = new float[Dimensions];
                vector[(text.Length % Dimensions)] = 1;
                return vector;
            }).ToArray();
        }

        public void Dispose()
        {
            _gate.Set();
            _gate.Dispose();
        }
    }
}
