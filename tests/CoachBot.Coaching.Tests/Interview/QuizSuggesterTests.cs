namespace CoachBot.Coaching.Tests.Interview;

public sealed class QuizSuggesterTests
{
    [Theory]
    [InlineData(InterviewTracks.Databases, "/quiz databases")]
    [InlineData(InterviewTracks.Behavioral, "/quiz soft-skills")]
    [InlineData(InterviewTracks.TestingCicd, "/quiz testing")]
    [InlineData(InterviewTracks.CloudDevops, "/quiz cloud")]
    public void Suggest_NamesAQuizSkillThatExists(string track, string expected)
    {
        using var services = Services(new QuizStub(new CommandDefinition("quiz", "Quiz") { Options = [new CommandOption("skill", "The skill")] }));

        Assert.Equal(expected, services.GetRequiredService<QuizSuggester>().Suggest(track));
    }

    [Fact]
    public void Suggest_PrefersTheQuizOptionsChoicesWhenItHasThem()
    {
        var definition = new CommandDefinition("quiz", "Quiz")
        {
            Options = [new CommandOption("skill", "The skill") { Choices = [new OptionChoice("SQL and relational databases", "sql")] }],
        };
        using var services = Services(new QuizStub(definition));

        Assert.Equal("/quiz sql", services.GetRequiredService<QuizSuggester>().Suggest(InterviewTracks.Databases));
    }

    [Fact]
    public void Suggest_WithoutAQuizCommand_SuggestsNothing()
    {
        using var services = Services(quiz: null);

        Assert.Null(services.GetRequiredService<QuizSuggester>().Suggest(InterviewTracks.Databases));
    }

    private static ServiceProvider Services(ICommandHandler? quiz)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.Configure<DispatchOptions>(_ => { });
        services.Configure<KnowledgeOptions>(o => o.Path = InterviewRepo.Knowledge);
        services.AddSingleton<CommandCatalog>();
        if (quiz is not null)
        {
            services.AddSingleton(quiz);
        }

        services.AddSingleton<QuizSuggester>();
        return services.BuildServiceProvider();
    }

    private sealed class QuizStub(CommandDefinition definition) : ICommandHandler
    {
        public CommandDefinition Definition { get; } = definition;

        public Task<IReadOnlyList<Reply>> HandleAsync(CommandRequest request, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Reply>>([]);
    }
}
