namespace CoachBot.Knowledge.Expansions;

/// <summary>One section entry of an expansion file: a heading of the guide and the questions it answers.</summary>
internal sealed class ExpansionFileSection
{
    public string? Heading { get; set; }

    public List<string>? Questions { get; set; }
}
