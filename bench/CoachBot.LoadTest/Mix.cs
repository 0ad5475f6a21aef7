using System.Globalization;

namespace CoachBot.LoadTest;

/// <summary>What one event of the burst is.</summary>
internal enum LoadKind
{
    /// <summary>An /ask slash command (retrieval, then the LLM when one is configured).</summary>
    Ask,

    /// <summary>A click on an answer button of a quiz started before the burst.</summary>
    QuizClick,

    /// <summary>A free-text answer to the current question of a mock interview started before the burst.</summary>
    InterviewAnswer,
}

/// <summary>
/// Weights of the three kinds in a burst (default 50 : 30 : 20). Events are interleaved, not grouped: event i gets the
/// kind furthest behind its share so far, so every stretch of the burst carries the same mix.
/// </summary>
internal sealed record Mix(int Ask, int Quiz, int Interview)
{
    public static Mix Default { get; } = new(50, 30, 20);

    public static Mix Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ask)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var quiz)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var interview)
            || ask + quiz + interview == 0)
        {
            throw new ArgumentException($"--mix is three weights ask,quiz,interview (e.g. 50,30,20 or 1,0,0), not '{text}'.");
        }

        return new Mix(ask, quiz, interview);
    }

    public IReadOnlyList<LoadKind> Assign(int count)
    {
        var weights = new[] { (LoadKind.Ask, Ask), (LoadKind.QuizClick, Quiz), (LoadKind.InterviewAnswer, Interview) };
        var total = (double)(Ask + Quiz + Interview);
        var assigned = new int[3];
        var kinds = new List<LoadKind>(count);
        for (var i = 0; i < count; i++)
        {
            var best = -1;
            var bestDeficit = double.NegativeInfinity;
            for (var k = 0; k < weights.Length; k++)
            {
                if (weights[k].Item2 == 0)
                {
                    continue;
                }

                var deficit = (weights[k].Item2 / total * (i + 1)) - assigned[k];
                if (deficit > bestDeficit)
                {
                    best = k;
                    bestDeficit = deficit;
                }
            }

            assigned[best]++;
            kinds.Add(weights[best].Item1);
        }

        return kinds;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Ask},{Quiz},{Interview}");
}

/// <summary>One event of the burst: its position, kind and the member sending it.</summary>
internal sealed record Slot(int Index, LoadKind Kind, int Member)
{
    public static IReadOnlyList<Slot> Plan(LoadTestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var kinds = options.Offline ? Enumerable.Repeat(LoadKind.Ask, options.EffectiveInteractions).ToList() : options.Mix.Assign(options.EffectiveInteractions);
        return kinds.Select((kind, i) => new Slot(i, kind, i % options.EffectiveMembers)).ToList();
    }
}

internal static class LoadKinds
{
    public static string Describe(LoadKind kind, string platform) => (kind, platform) switch
    {
        (LoadKind.Ask, "discord") => "/ask (interaction)",
        (LoadKind.Ask, _) => "/ask (slash command)",
        (LoadKind.QuizClick, "discord") => "quiz click (button)",
        (LoadKind.QuizClick, _) => "quiz click (block_actions)",
        (LoadKind.InterviewAnswer, "discord") => "interview answer (thread message)",
        (LoadKind.InterviewAnswer, _) => "interview answer (thread message event)",
        _ => kind.ToString(),
    };
}
