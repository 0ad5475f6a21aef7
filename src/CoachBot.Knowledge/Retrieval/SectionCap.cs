namespace CoachBot.Knowledge.Retrieval;

/// <summary>Keeps a ranking's first items with at most a given number from one guide section.</summary>
internal static class SectionCap
{
    public static List<T> Take<T>(IEnumerable<T> ranked, Func<T, PassageChunk> chunkOf, int maxPerSection, int count)
    {
        var perSection = new Dictionary<string, int>(StringComparer.Ordinal);
        var kept = new List<T>(count);
        foreach (var item in ranked)
        {
            if (kept.Count == count)
            {
                break;
            }

            var section = chunkOf(item).Section.Reference;
            var taken = perSection.GetValueOrDefault(section);
            if (taken < maxPerSection)
            {
                perSection[section] = taken + 1;
                kept.Add(item);
            }
        }

        return kept;
    }
}
