namespace CoachBot.Knowledge.Guides;

/// <summary>The YAML front matter of a guide file, as deserialised.</summary>
internal sealed class GuideFrontMatter
{
    public string? Id { get; set; }

    public string? Title { get; set; }

    public string? Source { get; set; }

    public List<string>? Topics { get; set; }
}
