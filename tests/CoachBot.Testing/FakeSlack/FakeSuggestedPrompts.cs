namespace CoachBot.Testing.FakeSlack;

/// <summary>Suggested prompts as the fake holds them after assistant.threads.setSuggestedPrompts.</summary>
public sealed record FakeSuggestedPrompts(string? Title, IReadOnlyList<(string Title, string Message)> Prompts);
