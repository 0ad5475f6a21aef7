using BenchmarkDotNet.Attributes;
using CoachBot.Ai;
using CoachBot.Ai.Answers;
using CoachBot.Core.Conversations.Memory;
using CoachBot.Core.Conversations;
using CoachBot.Knowledge;
using CoachBot.Knowledge.Retrieval;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Benchmarks.Answers;

/// <summary>
/// The offline answer (no LLM): the whole answer service (guard, retrieval over the Lucene index of knowledge/,
/// sentence selection, rendering) and the composer alone on passages retrieved beforehand. Target: under 5 ms.
/// </summary>
[MemoryDiagnoser]
public class OfflineAnswerBenchmarks
{
    private static readonly ConversationKey Conversation = ConversationKey.Terminal;
    private ServiceProvider _services = null!;
    private AnswerService _answers = null!;
    private IConversationMemory _memory = null!;
    private RetrievalResult _retrieved = null!;

    [Params(
        "which database should i learn, mysql or postgres?",
        "how much do backend engineers earn?",
        "is backend a safe bet job security wise? dont wanna get laid off in 2 yrs")]
    public string Question { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var knowledge = KnowledgeDirectory.Resolve(null) ?? throw new DirectoryNotFoundException("knowledge/ not found; run from the repository.");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Knowledge:Path"] = knowledge })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddKnowledge();
        services.AddCoachAi();
        _services = services.BuildServiceProvider();
        _answers = _services.GetRequiredService<AnswerService>();
        _memory = _services.GetRequiredService<IConversationMemory>();
        _retrieved = _services.GetRequiredService<IPassageRetriever>().Search(Question, 3); // builds the index once
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Description = "answer service, offline (retrieve + compose)")]
    public async Task<Answer> OfflineAnswer()
    {
        var answer = await _answers.AnswerAsync(new AnswerRequest(Conversation, "bench", Question), CancellationToken.None);
        await _memory.ForgetAsync(Conversation, "bench", CancellationToken.None); // each call is a first question, not a follow-up
        return answer;
    }

    [Benchmark(Description = "retrieval only (for attribution)")]
    public RetrievalResult RetrieveOnly() => _services.GetRequiredService<IPassageRetriever>().Search(Question, 3);

    [Benchmark(Description = "offline composer only")]
    public ComposedAnswer ComposeOnly() =>
        OfflineComposer.Compose(new OfflineComposeRequest(_retrieved.Passages, Question, null, _retrieved.ExpandedTerms));
}
