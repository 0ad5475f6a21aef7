using CoachBot.Core.Replies;

namespace CoachBot.Ai.Answers;

/// <summary>An answer body (Markdown with [n] markers) and the citations the markers number, in order.</summary>
public sealed record ComposedAnswer(string Text, IReadOnlyList<Citation> Citations);
