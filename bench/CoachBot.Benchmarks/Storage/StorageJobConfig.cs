using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace CoachBot.Benchmarks.Storage;

/// <summary>A short in-process job (3 warm-up, 10 measured iterations of 200 commits each): the class runs in under a minute.</summary>
public class StorageJobConfig : ManualConfig
{
    public StorageJobConfig()
    {
        AddJob(Job.Default
            .WithId("storage-short")
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(10)
            .WithInvocationCount(1)
            .WithUnrollFactor(1));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
