namespace CoachBot.Storage.Feedback;

/// <summary>An answer with its 👎 and 👍 counts and the "what was wrong?" notes left with the 👎s (newest first).</summary>
public sealed record DownVotedAnswer(AnswerRecord Answer, int Down, int Up, IReadOnlyList<string> Comments);
