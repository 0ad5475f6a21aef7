using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CoachBot.Ai;
using CoachBot.Ai.Answers;
using CoachBot.Ai.Answers.Meaning;
using CoachBot.Core.Conversations.Memory;
using CoachBot.Core.Conversations;
using CoachBot.Knowledge;
using CoachBot.Knowledge.Retrieval;
using CoachBot.Knowledge.Semantic;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Benchmarks.Answers;

/// <summary>
/// Warm offline answer latency over the eval questions (Stopwatch, not BenchmarkDotNet: the figure wanted is the
/// distribution over many different questions, p50/p95, not one question's mean). Every question is answered once to
/// warm up (model load, index build, sentence vectors), then each is answered <c>--rounds</c> times as a first
/// question (no follow-up). Also counts sentence embeddings per warm answer.
/// <code>dotnet run -c Release --project bench/CoachBot.Benchmarks -- answer-latency [--rounds 5] [--semantic on|off] [--file knowledge/eval/questions.jsonl] [--verdicts FILE] [--answers FILE]</code>
/// </summary>
public static class OfflineAnswerLatency
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var rounds = int.Parse(Option(args, "--rounds") ?? "5", CultureInfo.InvariantCulture);
        var semantic = Option(args, "--semantic") != "off";
        var knowledge = KnowledgeDirectory.Resolve(null) ?? throw new DirectoryNotFoundException("knowledge/ not found; run from the repository.");
        var files = Option(args, "--file") is { } file ? [file] : new[] { Path.Combine(knowledge, "eval", "questions.jsonl"), Path.Combine(knowledge, "eval", "heldout.jsonl") };
        var questions = files.SelectMany(Questions).ToArray();

        var counting = new CountingEmbedder(new MiniLmTextEmbedder());
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = knowledge,
            ["Knowledge:Semantic:Enabled"] = semantic ? "true" : "false",
        }).Build());
        services.AddLogging();
        services.AddSingleton<ITextEmbedder>(counting);
        services.AddKnowledge();
        services.AddCoachAi();
        await using var provider = services.BuildServiceProvider();
        var answers = provider.GetRequiredService<AnswerService>();
        // What a warm bot serves: hybrid retrieval once the passage vectors are ready (the host's warm-up service does this).
        var vectorsReady = Stopwatch.StartNew();
        var hybrid = semantic && await provider.GetRequiredService<SemanticWarmup>().EnsureReadyAsync() is not null;
        await output.WriteLineAsync($"retrieval: {(hybrid ? "hybrid" : "lexical")} (passage vectors ready in {vectorsReady.Elapsed.TotalSeconds:F1} s)");
        var memory = provider.GetRequiredService<IConversationMemory>();
        var conversation = ConversationKey.Terminal;

        var cold = Stopwatch.StartNew();
        var verdicts = new Dictionary<AnswerVerdict, int>();
        await using var verdictLines = Option(args, "--verdicts") is { } verdictFile ? new StreamWriter(verdictFile) : null;
        await using var answerTexts = Option(args, "--answers") is { } answerFile ? new StreamWriter(answerFile) : null;
        foreach (var question in questions)
        {
            var answer = await answers.AnswerAsync(new AnswerRequest(conversation, "bench", question), CancellationToken.None);
            verdicts[answer.Verdict] = verdicts.GetValueOrDefault(answer.Verdict) + 1;
            if (verdictLines is not null)
            {
                await verdictLines.WriteLineAsync($"{answer.Verdict}\t{question}");
            }

            if (answerTexts is not null)
            {
                await answerTexts.WriteLineAsync($"## {question}\n{answer.Text}\n");
            }

            await memory.ForgetAsync(conversation, "bench", CancellationToken.None);
        }

        cold.Stop();
        var embeddedBefore = counting.Texts;
        var timings = new List<double>(questions.Length * rounds);
        for (var round = 0; round < rounds; round++)
        {
            foreach (var question in questions)
            {
                var watch = Stopwatch.StartNew();
                await answers.AnswerAsync(new AnswerRequest(conversation, "bench", question), CancellationToken.None);
                watch.Stop();
                await memory.ForgetAsync(conversation, "bench", CancellationToken.None); // each call is a first question, not a follow-up
                timings.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        timings.Sort();
        var perAnswer = (double)(counting.Texts - embeddedBefore) / timings.Count;
        var embedOnly = new List<double>();
        if (semantic)
        {
            foreach (var question in questions)
            {
                var watch = Stopwatch.StartNew();
                counting.Embed([question]);
                embedOnly.Add(watch.Elapsed.TotalMilliseconds);
            }

            embedOnly.Sort();
        }

        output.WriteLine($"semantic={(semantic ? "on" : "off")} questions={questions.Length} rounds={rounds} answers={timings.Count}");
        output.WriteLine($"warm-up pass (model load, index, sentence vectors): {cold.Elapsed.TotalSeconds:0.0} s; sentence vectors cached: {provider.GetRequiredService<SentenceVectorCache>().Count}");
        output.WriteLine($"warm answer ms: p50={Percentile(timings, 0.50):0.0} p95={Percentile(timings, 0.95):0.0} mean={timings.Average():0.0} max={timings[^1]:0.0}");
        output.WriteLine($"texts embedded per warm answer: {perAnswer:0.00}");
        if (embedOnly.Count > 0)
        {
            output.WriteLine($"embedding one question alone ms (attribution): p50={Percentile(embedOnly, 0.50):0.0} p95={Percentile(embedOnly, 0.95):0.0}");
        }

        output.WriteLine("verdicts (warm-up pass): " + string.Join(", ", verdicts.OrderBy(v => v.Key).Select(v => $"{v.Key}={v.Value}")));
        return 0;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static IEnumerable<string> Questions(string file)
    {
        foreach (var line in File.ReadLines(file).Where(l => l.Trim().Length > 0))
        {
            using var json = JsonDocument.Parse(line);
            yield return json.RootElement.GetProperty("question").GetString()!;
        }
    }

    /// <summary>Counts the texts embedded, to show that a warm answer embeds about one text (the question).</summary>
    private sealed class CountingEmbedder(ITextEmbedder inner) : ITextEmbedder
    {
        private long _texts;

        public long Texts => Interlocked.Read(ref _texts);

        public string ModelId => inner.ModelId;

        public int Dimensions => inner.Dimensions;

        public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
        {
            Interlocked.Add(ref _texts, texts.Count);
            return inner.Embed(texts, cancellationToken);
        }
    }
}
