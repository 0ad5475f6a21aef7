namespace CoachBot.Slack.Agent;

/// <summary>One suggested prompt: the button's <paramref name="Title"/> and the <paramref name="Message"/> it sends as the member.</summary>
public sealed record SlackSuggestedPrompt(string Title, string Message);
