namespace CoachBot.Coaching.Feedback;

/// <summary>One question (its answers grouped) with its votes, the sections its answers cited, how many were offline and the notes left.</summary>
public sealed record DownVotedQuestion(
    string Question,
    int Down,
    int Up,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> Guides,
    int Offline,
    int Answers,
    IReadOnlyList<string> Notes);
