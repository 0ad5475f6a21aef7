namespace CoachBot.Core.Commands;

/// <summary>A fixed choice for an option: <see cref="Name"/> is shown, <see cref="Value"/> is what the handler receives.</summary>
public sealed record OptionChoice(string Name, string Value);
