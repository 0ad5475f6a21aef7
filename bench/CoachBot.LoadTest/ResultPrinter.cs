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
            $"[{result.Platform}] ack latency (sent → ack received, fake's clock): p50 {result.Percentile(0.50):0.0} ms, p99 {result.Percentile(0.99):0.0} ms, max {result.Percentile(1.0):0.0} ms"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[{result.Platform}] answers: {result.Answered} in {result.SendToLastAnswer.TotalSeconds:0.00} s from the first send = {result.AnswersPerSecond:0.0} answers/s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{result.Platform}] {(result.Passed ? "PASS" : "FAIL")}"));
    }
}
