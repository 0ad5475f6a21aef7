using System.Globalization;

namespace CoachBot.LoadTest;

/// <summary>Prints one platform's figures as plain lines (copied into docs/benchmarks.md).</summary>
internal static class ResultPrinter
{
    public static void Print(ScenarioResult result, TextWriter output)
    {
        var sample = result.SampleAnswer.Length > 160 ? result.SampleAnswer[..160] + "…" : result.SampleAnswer;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{result.Platform}] warm-up answer body: {sample}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[{result.Platform}] sent {result.Sent}, acked {result.Acked}, acked in time (<{ScenarioResult.AckDeadline.TotalSeconds:0} s) {result.AckedInTime}, answered {result.Answered}, lost {result.Lost}, late {result.Late}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[{result.Platform}] ack latency, end to end (fake wrote the event → fake received the ack): {Summary(result.AckLatenciesMs)}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[{result.Platform}] ack latency, bot side (adapter received the event → ack sent): {Summary(result.BotSideAckLatenciesMs)}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[{result.Platform}] answers: {result.Answered} in {result.SendToLastAnswer.TotalSeconds:0.00} s from the first send = {result.AnswersPerSecond:0.0} answers/s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{result.Platform}] {(result.Passed ? "PASS" : "FAIL")}"));
    }

    private static string Summary(IReadOnlyList<double> values) => string.Create(CultureInfo.InvariantCulture,
        $"n={values.Count} p50 {ScenarioResult.Percentile(values, 0.50):0.0} ms, p99 {ScenarioResult.Percentile(values, 0.99):0.0} ms, max {ScenarioResult.Percentile(values, 1.0):0.0} ms");
}
