namespace CoachBot.Knowledge.Expansions;

/// <summary>The YAML shape of <c>knowledge/expansions/&lt;guide-id&gt;.yaml</c>.</summary>
internal sealed class ExpansionFile
{
    public string? Guide { get; set; }

    /// <summary>
    /// False: the file's questions are embedded for dense retrieval only, not indexed by Lucene (nor taken as known
    /// words by the spelling corrector). Absent or true: both.
    /// </summary>
    public bool? Lexical { get; set; }

    public List<ExpansionFileSection>? Sections { get; set; }
}
