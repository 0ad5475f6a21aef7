using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace CoachBot.Benchmarks.Quiz;

/// <summary>
/// A short in-process job for the quiz benchmarks (one launch, 2 warm-up and 6 measured iterations, one invocation
/// per iteration: each iteration starts fresh quizzes in <c>[IterationSetup]</c> and clicks through them), so the
/// whole class finishes in a few minutes.
/// </summary>
public class QuizJobConfig : ManualConfig
{
    public QuizJobConfig()
    {
        AddJob(Job.Default
            .WithId("quiz-short")
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(6)
            .WithInvocationCount(1)
            .WithUnrollFactor(1));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
