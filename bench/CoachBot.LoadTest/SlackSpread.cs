using CoachBot.Testing.FakeSlack;

namespace CoachBot.LoadTest;

/// <summary>
/// With several bot processes: which process received each envelope of the Slack burst (by the Socket Mode connection
/// the fake handed it to), how many each answered, and, for quiz clicks and interview answers, whether the envelope
/// reached the process that started that quiz or interview (a thread reply without a mention is known only to the
/// process that answered in that thread, see docs/operations.md, "Where state lives").
/// </summary>
internal sealed class SlackSpread(FakeSlackServer slack, IReadOnlyDictionary<int, int> connectionOwners, int processes)
{
    public IEnumerable<string> Describe(IReadOnlyList<(Slot Slot, string Id, bool Answered)> sent, IReadOnlyDictionary<int, string> setupEnvelopes)
    {
        ArgumentNullException.ThrowIfNull(sent);
        ArgumentNullException.ThrowIfNull(setupEnvelopes);
        var connectionOf = slack.Envelopes.Where(e => e.RetryAttempt == 0)
            .GroupBy(e => e.EnvelopeId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().ConnectionId, StringComparer.Ordinal);
        int? Owner(string id) => connectionOf.TryGetValue(id, out var connection) && connectionOwners.TryGetValue(connection, out var owner) ? owner : null;

        var byProcess = Enumerable.Range(0, processes).Select(p => sent.Where(s => Owner(s.Id) == p).ToList()).ToList();
        var perProcess = string.Join(", ", byProcess.Select((list, p) => FormattableString.Invariant($"process {p + 1} {list.Count} / {list.Count(s => s.Answered)}")));
        yield return FormattableString.Invariant(
            $"envelopes spread at random (seeded) over the {connectionOwners.Count} open Socket Mode connections of the {processes} processes; received / answered per process: {perProcess}");

        foreach (var (kind, what) in new[] { (LoadKind.QuizClick, "quiz clicks"), (LoadKind.InterviewAnswer, "interview answers") })
        {
            var ofKind = sent.Where(s => s.Slot.Kind == kind && setupEnvelopes.ContainsKey(s.Slot.Index)).ToList();
            if (ofKind.Count == 0)
            {
                continue;
            }

            var same = ofKind.Where(s => Owner(s.Id) == Owner(setupEnvelopes[s.Slot.Index])).ToList();
            var other = ofKind.Except(same).ToList();
            var started = kind == LoadKind.QuizClick ? "quiz" : "interview";
            yield return FormattableString.Invariant(
                $"{what} received by the process that started their {started}: {same.Count(s => s.Answered)} of {same.Count} answered; by another process: {other.Count(s => s.Answered)} of {other.Count} answered");
        }
    }
}
