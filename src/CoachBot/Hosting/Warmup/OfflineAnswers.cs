using CoachBot.Ai.Answers;
using CoachBot.Ai.Answers.Meaning;
using CoachBot.Ai.Llm;
using CoachBot.Core.Conversations.Memory;
using CoachBot.Knowledge;
using CoachBot.Knowledge.Retrieval;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Hosting.Warmup;

/// <summary>
/// The bot's <see cref="AnswerService"/> for the warm-up: the same retrieval, sentence vectors, cleaner and options,
/// but no LLM (answers are composed offline, no budget is spent), a private in-memory conversation memory (nothing
/// reaches the database) and no metrics (no warm-up answer is counted as a member's).
/// </summary>
public sealed class OfflineAnswers(IServiceProvider services)
{
    private readonly AnswerService _service = new(
        services.GetRequiredService<IPassageRetriever>(),
        new InMemoryConversationMemory(Options.Create(new ConversationMemoryOptions()), TimeProvider.System),
        services.GetRequiredService<PromptRunner>(),
        services.GetRequiredService<LlmBudget>(),
        Options.Create(new LlmOptions()),
        services.GetRequiredService<IOptions<AnswerOptions>>(),
        services.GetRequiredService<IOptions<KnowledgeOptions>>(),
        services.GetRequiredService<SentenceVectorCache>(),
        services.GetRequiredService<ModelOutputCleaner>(),
        TimeProvider.System,
        services.GetRequiredService<ILogger<AnswerService>>());

    public Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken) =>
        _service.AnswerAsync(request, cancellationToken);
}
