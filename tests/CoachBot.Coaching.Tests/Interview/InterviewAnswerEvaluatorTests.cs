using System.Text.RegularExpressions;
using CoachBot.Coaching.Interview.Evaluation;

namespace CoachBot.Coaching.Tests.Interview;

/// <summary><c>eval-interview</c>: one line per input, scored as a live interview would, then the totals.</summary>
public sealed partial class InterviewAnswerEvaluatorTests(InterviewHostFixture fixture) : IClassFixture<InterviewHostFixture>
{
    [Fact]
    public async Task EachInputLine_PrintsItsScoreOrUnscored_ThenTheTotals_AndBadLinesAreReportedNotFatal()
    {
        var join = fixture.Host.Bank.Find("db-junior-sql-join")!;
        var input = string.Join('\n',
            $$"""{"question_id": "db-junior-sql-join", "answer": {{System.Text.Json.JsonSerializer.Serialize(InterviewHost.StrongAnswer(join))}}, "label": "strong"}""",
            """{"question_id": "db-junior-sql-join", "answer": "My favourite pizza has mushrooms, olives and lots of cheese on Fridays."}""",
            """{"question_id": "db-junior-sql-join", "answer": "inner join""",
            "",
            """{"question_id": "no-such-question", "answer": "An inner join keeps matching rows only."}""",
            """{"question_id": "db-junior-sql-join", "answer": "ok"}""",
            """["not", "an", "object"]""");
        var output = new StringWriter();
        var error = new StringWriter();
        var evaluator = fixture.Host.Services.GetRequiredService<InterviewAnswerEvaluator>();

        var result = await evaluator.RunAsync(new StringReader(input), output, error, CancellationToken.None);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(["line 1: 5/5", "line 2: unscored", "line 6: unscored", "scored=1 unscored=2"], lines);
        Assert.All(lines[..^1], l => Assert.Matches(LinePattern(), l));
        Assert.Contains("line 3: error: malformed JSON", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("line 5: error: no question with id 'no-such-question'", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("line 7: error: not a JSON object", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(new InterviewEvaluationResult(1, 2, 3), result);
    }

    [GeneratedRegex(@"^line \d+: ([0-5]/5|unscored)$")]
    private static partial Regex LinePattern();
}
