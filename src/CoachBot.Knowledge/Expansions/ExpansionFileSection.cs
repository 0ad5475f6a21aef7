namespace CoachBot.Knowledge.Expansions;

/// <summary>
/// One section entry of an expansion file: a heading of the guide and the questions it answers; with <see cref="Part"/>,
/// the questions one passage of that section answers (its ordinal, from 1, as in the passage id <c>guide#slug/part</c>).
/// </summary>
internal sealed class ExpansionFileSection
{
    public string? Heading { get; set; }

    public int? Part { get; set; }

    public List<string>? Questions { get; set; }
}
