using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace CoachBot.Benchmarks.Quiz;

/// <summary>BenchmarkDotNet's short run (3 warm-up, 3 measured iterations), in process, for the bank-load benchmarks.</summary>
public class QuizBankJobConfig : ManualConfig
{
    public QuizBankJobConfig()
    {
        AddJob(Job.ShortRun.WithId("bank-short").WithToolchain(InProcessEmitToolchain.Instance));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
