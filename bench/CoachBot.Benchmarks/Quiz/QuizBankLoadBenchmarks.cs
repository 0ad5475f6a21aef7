using BenchmarkDotNet.Attributes;
using CoachBot.Coaching.Quiz;
using CoachBot.Coaching.Quiz.Bank;
using CoachBot.Knowledge;
using CoachBot.Knowledge.Guides;

namespace CoachBot.Benchmarks.Quiz;

/// <summary>
/// Start-up cost of the quiz bank: parsing every knowledge/quizzes/*.yaml file and validating each question's shape,
/// with and without resolving every guide reference against the guide catalog, and cold (reading the guides for the
/// catalog first), which is what the first /quiz after start-up pays.
/// </summary>
[Config(typeof(QuizBankJobConfig))]
public class QuizBankLoadBenchmarks
{
    private string _knowledge = null!;
    private string _bank = null!;
    private GuideCatalog _catalog = null!;

    [GlobalSetup]
    public void Setup()
    {
        _knowledge = KnowledgeDirectory.Resolve(null) ?? throw new DirectoryNotFoundException("knowledge/ not found; run from the repository.");
        _bank = QuizBank.BankDirectory(new QuizOptions(), new KnowledgeOptions { Path = _knowledge });
        _catalog = GuideCatalog.Load(_knowledge);
    }

    [Benchmark(Description = "load the bank (shape checks only)")]
    public int LoadBank() => QuizBankLoader.LoadDirectory(_bank).Sum(s => s.Questions.Count);

    [Benchmark(Description = "load the bank + resolve every guide reference")]
    public int LoadBankWithReferences() =>
        QuizBankLoader.LoadDirectory(_bank, reference => _catalog.FindSection(reference) is not null).Sum(s => s.Questions.Count);

    [Benchmark(Description = "cold: read the guides, then load + resolve the bank")]
    public int LoadGuidesAndBank()
    {
        var catalog = GuideCatalog.Load(_knowledge);
        return QuizBankLoader.LoadDirectory(_bank, reference => catalog.FindSection(reference) is not null).Sum(s => s.Questions.Count);
    }
}
