namespace CoachBot.Knowledge.Expansions;

/// <summary>The YAML shape of <c>knowledge/expansions/&lt;guide-id&gt;.yaml</c>.</summary>
internal sealed class ExpansionFile
{
    public string? Guide { get; set; }

    public List<ExpansionFileSection>? Sections { get; set; }
}
