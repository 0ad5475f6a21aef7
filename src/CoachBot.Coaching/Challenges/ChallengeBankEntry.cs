namespace CoachBot.Coaching.Challenges;

/// <summary>One challenge as written in YAML, before validation.</summary>
internal sealed class ChallengeBankEntry
{
    public string? Id { get; set; }

    public string? Title { get; set; }

    public string? Brief { get; set; }

    public string? Difficulty { get; set; }

    public List<string>? Skills { get; set; }

    public List<string>? References { get; set; }
}
