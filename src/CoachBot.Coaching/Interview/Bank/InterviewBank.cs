using CoachBot.Knowledge.Guides;

namespace CoachBot.Coaching.Interview.Bank;

/// <summary>The loaded question bank: look-up by id and selection of questions for an interview.</summary>
public sealed class InterviewBank
{
    private readonly Dictionary<string, InterviewQuestion> _byId;

    public InterviewBank(IReadOnlyList<InterviewQuestion> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        Questions = questions;
        _byId = questions.ToDictionary(q => q.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<InterviewQuestion> Questions { get; }

    public InterviewQuestion? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>
    /// Up to <paramref name="count"/> distinct questions for a level and track (a bank track or
    /// <see cref="InterviewTracks.Mixed"/>), in random order. When the level has too few in that track, questions of the
    /// nearest levels of the same track fill up; a mixed interview spreads over as many tracks as it can.
    /// </summary>
    public IReadOnlyList<InterviewQuestion> Select(InterviewLevel level, string track, int count, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var pool = track == InterviewTracks.Mixed
            ? Questions.ToList()
            : Questions.Where(q => q.Track == track).ToList();
        var byDistance = pool
            .GroupBy(q => Math.Abs((int)q.Level - (int)level) * 2 + (q.Level < level ? 1 : 0))
            .OrderBy(g => g.Key);
        var chosen = new List<InterviewQuestion>();
        foreach (var group in byDistance)
        {
            var shuffled = group.OrderBy(_ => random.Next()).ToList();
            if (track == InterviewTracks.Mixed)
            {
                // One per track first, so five mixed questions cover five topics.
                shuffled = shuffled
                    .GroupBy(q => q.Track)
                    .OrderBy(_ => random.Next())
                    .SelectMany(g => g.Select((q, i) => (q, i)))
                    .OrderBy(x => x.i)
                    .Select(x => x.q)
                    .ToList();
            }

            chosen.AddRange(shuffled.Take(count - chosen.Count));
            if (chosen.Count >= count)
            {
                break;
            }
        }

        return chosen;
    }

    /// <summary>The questions whose reference names no section of the guides, as "id → reference" lines (empty when all resolve).</summary>
    public IReadOnlyList<string> UnresolvedReferences(GuideCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return Questions
            .Where(q => catalog.FindSection(q.Reference) is not { } section || section.Reference != q.Reference)
            .Select(q => $"{q.Id} → {q.Reference}")
            .ToList();
    }
}
