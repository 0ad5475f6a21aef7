namespace CoachBot.LoadTest;

/// <summary>
/// What happened to one measured event, as the fake servers recorded it. <see cref="AckMs"/> is null when the event
/// expects no acknowledgement (a Discord message) or none came; <see cref="AnsweredAt"/> is the first reply the bot sent
/// for it; <see cref="Refused"/> marks a reply that is not the real thing (a private refusal, a "slow down", an
/// interview nudge).
/// </summary>
internal sealed record Outcome(LoadKind Kind, bool ExpectsAck, double? AckMs, DateTimeOffset? AnsweredAt, bool Refused)
{
    public static readonly TimeSpan AckDeadline = TimeSpan.FromSeconds(3);

    public bool AckedInTime => AckMs is { } ms && ms < AckDeadline.TotalMilliseconds;
}

/// <summary>A first reply seen by a fake: when, whether it was a refusal rather than an answer, its text and body.</summary>
internal sealed record SeenAnswer(DateTimeOffset At, bool Refused, string Text, System.Text.Json.Nodes.JsonNode? Body = null);

/// <summary>One row of the result table.</summary>
internal sealed record ResultRow(
    string Platform,
    string Kind,
    int Sent,
    int ExpectingAck,
    int Acked,
    int AckedInTime,
    int Answered,
    int Refused,
    IReadOnlyList<double> AckMs,
    TimeSpan FirstSendToLastAnswer,
    double? MaxRssMb)
{
    public int Lost => Sent - Answered;

    public int Late => ExpectingAck - AckedInTime;

    public bool Passed => Lost == 0 && Late == 0 && Refused == 0;

    public double AnswersPerSecond => FirstSendToLastAnswer > TimeSpan.Zero ? Answered / FirstSendToLastAnswer.TotalSeconds : 0;

    public static ResultRow From(string platform, string kind, IReadOnlyList<Outcome> outcomes, DateTimeOffset started, double? maxRssMb)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var answered = outcomes.Where(o => o.AnsweredAt is not null).ToList();
        var last = answered.Count == 0 ? started : answered.Max(o => o.AnsweredAt!.Value);
        return new ResultRow(
            platform,
            kind,
            outcomes.Count,
            outcomes.Count(o => o.ExpectsAck),
            outcomes.Count(o => o.ExpectsAck && o.AckMs is not null),
            outcomes.Count(o => o.ExpectsAck && o.AckedInTime),
            answered.Count,
            answered.Count(o => o.Refused),
            outcomes.Where(o => o.AckMs is not null).Select(o => o.AckMs!.Value).ToList(),
            last - started,
            maxRssMb);
    }

    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }
}

/// <summary>One platform's run: its rows (one per kind, then "all") and notes printed under the table.</summary>
internal sealed record PlatformRun(string Platform, IReadOnlyList<ResultRow> Rows, IReadOnlyList<string> Notes)
{
    public bool Passed => Rows.All(r => r.Passed);
}
