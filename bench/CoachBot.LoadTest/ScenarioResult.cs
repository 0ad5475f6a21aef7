namespace CoachBot.LoadTest;

/// <summary>What one platform's burst produced, as the fake server recorded it.</summary>
internal sealed record ScenarioResult(
    string Platform,
    int Sent,
    int Acked,
    int AckedInTime,
    int Answered,
    IReadOnlyList<double> AckLatenciesMs,
    IReadOnlyList<double> BotSideAckLatenciesMs,
    TimeSpan SendToLastAnswer,
    string SampleAnswer)
{
    public static readonly TimeSpan AckDeadline = TimeSpan.FromSeconds(3);

    /// <summary>Interactions never answered (or never acknowledged).</summary>
    public int Lost => Sent - Math.Min(Answered, Acked);

    public int Late => Sent - AckedInTime;

    public bool Passed => Lost == 0 && Late == 0;

    public double AnswersPerSecond => SendToLastAnswer > TimeSpan.Zero ? Answered / SendToLastAnswer.TotalSeconds : 0;

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
