namespace CoachBot.Core.Replies;

/// <summary>A guide section a reply drew on. Rendered by adapters in a Sources list as "Guide title › Section › Subsection".</summary>
public sealed record Citation(string GuideId, string GuideTitle, IReadOnlyList<string> SectionPath)
{
    public const string Separator = " › ";

    public string Display => SectionPath.Count == 0
        ? GuideTitle
        : GuideTitle + Separator + string.Join(Separator, SectionPath);

    public override string ToString() => Display;

    public bool Equals(Citation? other) =>
        other is not null && GuideId == other.GuideId && SectionPath.SequenceEqual(other.SectionPath);

    public override int GetHashCode() => HashCode.Combine(GuideId, string.Join('/', SectionPath));
}
