namespace CoachBot.Knowledge.Retrieval;

/// <summary>Whether two words are at most one typo apart (one insertion, deletion, substitution or swap of neighbours).</summary>
internal static class EditDistance
{
    public static bool IsWithinOne(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1 || a == b)
        {
            return a == b;
        }

        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        if (a.Length == b.Length)
        {
            var restA = a.AsSpan(prefix + 1);
            var restB = b.AsSpan(prefix + 1);
            if (restA.SequenceEqual(restB))
            {
                return true; // substitution
            }

            return prefix + 1 < a.Length && a[prefix] == b[prefix + 1] && a[prefix + 1] == b[prefix]
                && a.AsSpan(prefix + 2).SequenceEqual(b.AsSpan(prefix + 2)); // swap
        }

        var (longer, shorter) = a.Length > b.Length ? (a, b) : (b, a);
        return longer.AsSpan(prefix + 1).SequenceEqual(shorter.AsSpan(prefix)); // insertion or deletion
    }
}
