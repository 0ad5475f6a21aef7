namespace CoachBot.Coaching.Quiz.Bank;

/// <summary>One multiple-choice question: four options, exactly one correct (<see cref="CorrectIndex"/>, 0-based).</summary>
public sealed record QuizQuestion(
    string Id,
    string Skill,
    string Difficulty,
    string Text,
    IReadOnlyList<string> Options,
    int CorrectIndex,
    string Explanation,
    string Reference)
{
    public const int OptionCount = 4;

    public string CorrectOption => Options[CorrectIndex];

    public static char Letter(int index) => (char)('A' + index);

    /// <summary>
    /// The question with its options in the order one session shows them. The order is derived from the session id and
    /// the question id only (a stable hash, not the process's randomised string hash), so it is the same after a
    /// restart and the stored option index keeps meaning the same option; and the bank's answer letter gives nothing away.
    /// </summary>
    public QuizQuestion ForSession(string sessionId)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        var order = Enumerable.Range(0, Options.Count).ToArray();
#pragma warning disable CA5394 // Not security: a presentation order that must be reproducible.
        new Random(StableHash(sessionId + "/" + Id)).Shuffle(order);
#pragma warning restore CA5394
        return this with
        {
            Options = order.Select(i => Options[i]).ToList(),
            CorrectIndex = Array.IndexOf(order, CorrectIndex),
        };
    }

    private static int StableHash(string text)
    {
        // FNV-1a, 32 bits.
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }
}
