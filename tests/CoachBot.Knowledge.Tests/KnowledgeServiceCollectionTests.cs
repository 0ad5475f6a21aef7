using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoachBot.Knowledge.Tests;

public sealed class KnowledgeServiceCollectionTests
{
    [Fact]
    public void AddKnowledge_ConfiguredPath_ResolvesRetrieverCatalogAndEvaluator()
    {
        using var provider = Build(new Dictionary<string, string?> { ["Knowledge:Path"] = TestKnowledge.Directory });

        var retriever = provider.GetRequiredService<IPassageRetriever>();

        Assert.NotEmpty(retriever.Search("what is backend engineering").Passages);
        Assert.Equal(5, provider.GetRequiredService<GuideCatalog>().Guides.Count);
        Assert.NotNull(provider.GetRequiredService<RetrievalEvaluator>());
        Assert.Equal(KnowledgeOptions.DefaultMinConfidence, provider.GetRequiredService<IOptions<KnowledgeOptions>>().Value.MinConfidence);
    }

    [Fact]
    public void AddKnowledge_NoPath_FindsTheRepositoryKnowledgeFolder()
    {
        using var provider = Build([]);

        var options = provider.GetRequiredService<IOptions<KnowledgeOptions>>().Value;

        Assert.Null(options.Path);
        Assert.NotEmpty(provider.GetRequiredService<GuideCatalog>().Guides);
    }

    [Fact]
    public void AddKnowledge_PathWithoutGuides_FailsValidationNamingTheKey()
    {
        using var temp = new TempDirectory();
        using var provider = Build(new Dictionary<string, string?> { ["Knowledge:Path"] = temp.Path });

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<KnowledgeOptions>>().Value);

        Assert.Contains("Knowledge:Path", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddKnowledge_MinConfidenceOutOfRange_FailsValidation()
    {
        using var provider = Build(new Dictionary<string, string?> { ["Knowledge:MinConfidence"] = "1.5" });

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<KnowledgeOptions>>().Value);

        Assert.Contains("MinConfidence", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddKnowledge_ResolvingTheRetriever_DoesNotBuildTheIndex()
    {
        using var provider = Build(new Dictionary<string, string?> { ["Knowledge:Path"] = TestKnowledge.Directory });

        var retriever = provider.GetRequiredService<LucenePassageRetriever>();

        Assert.False(retriever.IsIndexBuilt);
        retriever.Search("salary");
        Assert.True(retriever.IsIndexBuilt);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddKnowledge();
        return services.BuildServiceProvider();
    }
}
