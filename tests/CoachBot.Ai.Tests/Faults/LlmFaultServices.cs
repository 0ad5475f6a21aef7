namespace CoachBot.Ai.Tests.Faults;

/// <summary>The answer service against a fake model server, on a fake clock, with the resilience settings a test picks.</summary>
internal static class LlmFaultServices
{
    public static readonly ScoredPassage[] Passages =
    [
        GuideText.Scored("backend-career-path", "Database Management"),
        GuideText.Scored("backend-career-path", "Master Programming Fundamentals", 7f),
    ];

    public static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));

    public static ServiceProvider Build(
        Uri endpoint, FakeTimeProvider time, CapturingLoggerProvider logs, int timeoutSeconds = 30, params (string Key, string Value)[] resilience)
    {
        var settings = AiServices.Llm(endpoint, apiKey: null, timeoutSeconds: timeoutSeconds);
        foreach (var (key, value) in resilience)
        {
            settings["Llm:Resilience:" + key] = value;
        }

        return AiServices.Build(StubRetriever.Always(0.9, Passages), settings, logs, time);
    }

    /// <summary>A first question from a new person each time, so no follow-up rewrite call is made.</summary>
    public static AnswerRequest Ask(int person) =>
        new(new ConversationKey(ChatPlatform.Discord, "guild", "channel"), "discord:" + person, "which database should I learn first?");
}
