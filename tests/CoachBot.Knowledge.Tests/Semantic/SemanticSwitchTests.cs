using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CoachBot.Knowledge.Tests.Semantic;

/// <summary><c>Knowledge:Semantic:Enabled</c> as AddKnowledge wires it.</summary>
public sealed class SemanticSwitchTests
{
    [Fact]
    public async Task Disabled_NoModelLoad_AndEverySearchIsPureLucene()
    {
        using var provider = Build(enabled: false);
        var warmup = provider.GetRequiredService<SemanticWarmup>();
        foreach (var service in provider.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
        }

        var result = provider.GetRequiredService<IPassageRetriever>().Search("hw do i lern databse stuff fr", 3);

        Assert.Null(await warmup.EnsureReadyAsync());
        Assert.Equal(SemanticState.Off, warmup.State);
        Assert.Equal("off", warmup.Describe());
        Assert.False(provider.GetRequiredService<MiniLmTextEmbedder>().IsLoaded);
        Assert.Null(result.QueryVector);
        Assert.All(result.Passages, passage => Assert.Null(passage.Similarity));
        var lucene = provider.GetRequiredService<LucenePassageRetriever>().Search("hw do i lern databse stuff fr", 3);
        Assert.Equal(lucene.Passages.Select(p => p.Passage.Id), result.Passages.Select(p => p.Passage.Id));
    }

    [Fact]
    public async Task Enabled_TheWarmupServiceMakesSearchesHybrid()
    {
        using var provider = Build(enabled: true, services => services.AddSingleton<ITextEmbedder, HashingTextEmbedder>());
        var warmup = provider.GetRequiredService<SemanticWarmup>();
        var hosted = provider.GetServices<IHostedService>().OfType<SemanticWarmupService>().Single();

        await hosted.StartAsync(CancellationToken.None);
        await warmup.EnsureReadyAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var result = provider.GetRequiredService<IPassageRetriever>().Search("how much do backend devs get paid", 3);
        await hosted.StopAsync(CancellationToken.None);

        Assert.Equal("ready", warmup.Describe());
        Assert.NotNull(result.QueryVector);
        Assert.All(result.Passages, passage => Assert.NotNull(passage.Similarity));
    }

    private static ServiceProvider Build(bool enabled, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = TestKnowledge.Directory,
            ["Knowledge:Semantic:Enabled"] = enabled ? "true" : "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        configure?.Invoke(services);
        services.AddKnowledge();
        return services.BuildServiceProvider();
    }
}
