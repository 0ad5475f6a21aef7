using BenchmarkDotNet.Running;
using CoachBot.Benchmarks.Quality;

// `quality` prints retrieval quality figures (`quality-round5`/`-round6`/`-round7` the #12 round-5/6/7 grids on the development sets); `semantic-latency` cold start and search latency with the model;
// `answer-latency` warm offline answer p50/p95 over the eval questions; `shared-state-latency` the rate-limit and
// conversation-memory cost on SQLite/PostgreSQL; anything else goes to BenchmarkDotNet
// (e.g. `--filter '*' --job short`). New benchmark classes in this assembly are picked up automatically.
if (args.Length > 0 && args[0] == "quality")
{
    return QualityReport.Run(args[1..], Console.Out);
}

if (args.Length > 0 && args[0] == "quality-round5")
{
    return RoundFiveReport.Run(args[1..], Console.Out);
}

if (args.Length > 0 && args[0] == "quality-round6")
{
    return RoundSixReport.Run(args[1..], Console.Out);
}

if (args.Length > 0 && args[0] == "quality-round8")
{
    return RoundEightReport.Run(args[1..], Console.Out);
}

if (args.Length > 0 && args[0] == "quality-round9")
{
    return RoundNineReport.Run(args[1..], Console.Out);
}

if (args.Length > 0 && args[0] == "retrieval-probe")
{
    return RetrievalProbe.Run(args[1..], Console.Out);
}

if (args.Length > 0 && args[0] == "quality-round7")
{
    return RoundSevenReport.Run(args[1..], Console.Out);
}

if (args.Length > 0 && args[0] == "semantic-latency")
{
    return CoachBot.Benchmarks.Retrieval.SemanticLatencyReport.Run(args[1..], Console.Out);
}

if (args.Length > 0 && args[0] == "answer-latency")
{
    return await CoachBot.Benchmarks.Answers.OfflineAnswerLatency.RunAsync(args[1..], Console.Out);
}

if (args.Length > 0 && args[0] == "shared-state-latency")
{
    return await CoachBot.Benchmarks.Storage.SharedStateLatency.RunAsync(args[1..], Console.Out);
}

BenchmarkSwitcher.FromAssembly(typeof(CoachBot.Benchmarks.Rendering.RendererBenchmarks).Assembly).Run(args);
return 0;
