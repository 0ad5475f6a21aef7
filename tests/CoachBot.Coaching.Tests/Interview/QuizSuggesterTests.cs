using CoachBot.Coaching.Quiz.Bank;
using Microsoft.Extensions.Configuration;

namespace CoachBot.Coaching.Tests.Interview;

public sealed class QuizSuggesterTests
{
    private static readonly Lazy<GuideCatalog> Guides = new(() => GuideCatalog.Load(InterviewRepo.Knowledge));

    [Theory]
    [InlineData(InterviewTracks.Databases, "/quiz databases")]
    [InlineData(InterviewTracks.Behavioral, "/quiz soft-skills")]
    [InlineData(InterviewTracks.TestingCicd, "/quiz testing")]
    [InlineData(InterviewTracks.CloudDevops, "/quiz cloud")]
    [InlineData(InterviewTracks.Security, "/quiz security")]
    public void Suggest_NamesASkillOfTheQuizBank(string track, string expected)
    {
        using var services = Services(bankPath: null);

        Assert.Equal(expected, services.GetRequiredService<QuizSuggester>().Suggest(track));
    }

    [Fact]
    public void Suggest_ReadsTheBankAtQuizBankPath()
    {
        using var bank = new TempDirectory();
        File.Copy(Path.Combine(InterviewRepo.Knowledge, "quizzes", "databases.yaml"), Path.Combine(bank.Path, "databases.yaml"));
        using var services = Services(bank.Path);
        var suggester = services.GetRequiredService<QuizSuggester>();

        Assert.Equal("/quiz databases", suggester.Suggest(InterviewTracks.Databases));
        // The knowledge folder's bank has a security skill; the configured one does not, so none is named.
        Assert.Equal("/quiz", suggester.Suggest(InterviewTracks.Security));
    }

    [Fact]
    public void Suggest_WithoutTheQuizFeature_SuggestsNothing()
    {
        using var services = new ServiceCollection().AddSingleton<QuizSuggester>().BuildServiceProvider(validateScopes: true);

        Assert.Null(services.GetRequiredService<QuizSuggester>().Suggest(InterviewTracks.Databases));
    }

    private static ServiceProvider Services(string? bankPath)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = InterviewRepo.Knowledge,
            ["Quiz:BankPath"] = bankPath,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(Guides.Value);
        services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.SectionName);
        services.AddQuizBank();
        services.AddSingleton<IQuizSkillCatalog>(provider => provider.GetRequiredService<QuizBank>());
        services.AddSingleton<QuizSuggester>();
        return services.BuildServiceProvider();
    }
}
