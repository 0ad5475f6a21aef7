using CoachBot.Ai.Llm;
using CoachBot.Ai.Memory;
using CoachBot.Ai.Prompts;
using CoachBot.Core.Diagnostics;
using CoachBot.Core.Safety;
using CoachBot.Knowledge;
using CoachBot.Knowledge.Retrieval;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Ai.Answers;

/// <summary>
/// The one way questions get answered: guard the question, resolve follow-ups with the conversation memory, retrieve,
/// then compose (through the model when one is configured, falling back to the offline composer on any model failure).
/// Declines when retrieval is not confident the guides cover the question, or when an injection attempt leaves
/// nothing on-topic to answer.
/// </summary>
public sealed partial class AnswerService(
    IPassageRetriever retriever,
    IConversationMemory memory,
    PromptRunner llm,
    LlmBudget budget,
    IOptions<LlmOptions> llmOptions,
    IOptions<AnswerOptions> answerOptions,
    IOptions<KnowledgeOptions> knowledgeOptions,
    TimeProvider time,
    ILogger<AnswerService> logger,
    CoachMetrics? metrics = null)
{
    private const int MaxStandaloneLength = 300;

    private double MinConfidence => answerOptions.Value.MinConfidence ?? knowledgeOptions.Value.MinConfidence;

    public async Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var question = request.Question.Trim();
        if (question.Length == 0)
        {
            return Answer.Decline(CoachReplies.EmptyQuestion);
        }

        var assessment = PromptInjectionGuard.Assess(question);
        if (assessment.IsSuspicious)
        {
            LogInjectionSignals(assessment.Signals);
        }

        var asked = assessment.Remainder;
        if (asked.Length == 0)
        {
            return Answer.Decline(CoachReplies.Refused);
        }

        var history = memory.Recent(request.Conversation, request.UserKey);
        // One question takes one reply from the community's daily LLM budget, whether or not it is a follow-up.
        var useLlm = llmOptions.Value.IsConfigured && budget.TryConsume(request.Conversation.CommunityKey);
        var resolved = await ResolveAsync(asked, history, useLlm, cancellationToken);
        if (resolved.Retrieval.Passages.Count == 0 || resolved.Retrieval.Confidence < MinConfidence)
        {
            metrics?.Retrieval(answered: false);
            LogDeclined(resolved.Retrieval.Confidence, MinConfidence);
            return Answer.Decline(assessment.IsSuspicious ? CoachReplies.Refused : CoachReplies.OffTopic);
        }

        metrics?.Retrieval(answered: true);
        var answer = llmOptions.Value.IsConfigured && !useLlm
            ? ComposeOffline(asked, resolved) with { Note = CoachReplies.LlmBudgetNote }
            : await ComposeAsync(asked, resolved, history, cancellationToken);
        memory.Remember(request.Conversation, request.UserKey,
            new ConversationTurn(asked, resolved.Standalone, answer.Text, time.GetUtcNow()));
        return answer;
    }

    private async Task<ResolvedQuestion> ResolveAsync(string asked, IReadOnlyList<ConversationTurn> history, bool useLlm, CancellationToken ct)
    {
        var k = answerOptions.Value.Passages;
        if (history.Count == 0)
        {
            return new ResolvedQuestion(asked, null, retriever.Search(asked, k));
        }

        var previous = history[^1];
        if (useLlm)
        {
            var rewrite = await llm.RunAsync(PromptNames.RewriteQuestion, new Dictionary<string, object?>
            {
                ["history"] = PromptText.History(history),
                ["question"] = asked,
            }, ct);
            if (rewrite.Succeeded)
            {
                var standalone = PromptInjectionGuard.Assess(FirstLine(rewrite.Text!)).Remainder;
                if (standalone.Length > 0)
                {
                    LogRewritten(asked.Length, standalone.Length);
                    return new ResolvedQuestion(standalone, previous.StandaloneQuestion, retriever.Search(standalone, k));
                }
            }
        }

        // Offline: a follow-up borrows the previous question's words when it leans on it or cannot stand alone.
        var own = retriever.Search(asked, k);
        var leansBack = FollowUpDetector.IsFollowUp(asked);
        if (!leansBack && own.Confidence >= MinConfidence)
        {
            return new ResolvedQuestion(asked, null, own);
        }

        var context = previous.StandaloneQuestion.Length <= MaxStandaloneLength / 2 ? previous.StandaloneQuestion : previous.Question;
        var combined = InputText.Truncate(context + " " + asked, MaxStandaloneLength);
        var together = retriever.Search(combined, k);
        return leansBack || together.Confidence > own.Confidence
            ? new ResolvedQuestion(combined, context, together)
            : new ResolvedQuestion(asked, null, own);
    }

    private async Task<Answer> ComposeAsync(string asked, ResolvedQuestion resolved, IReadOnlyList<ConversationTurn> history, CancellationToken ct)
    {
        var passages = resolved.Retrieval.Passages;
        if (llmOptions.Value.IsConfigured)
        {
            var reply = await llm.RunAsync(PromptNames.Answer, new Dictionary<string, object?>
            {
                ["passages"] = PromptText.Passages(passages),
                ["history"] = PromptText.History(history),
                ["question"] = resolved.Standalone,
            }, ct);
            if (reply.Succeeded)
            {
                var mapped = CitationMapper.Map(MentionSanitizer.Clean(reply.Text!), passages);
                return new Answer(mapped.Text, mapped.Citations, Declined: false, UsedLlm: true);
            }

            var fallback = ComposeOffline(asked, resolved);
            return fallback with { Note = CoachReplies.LlmFallbackNote };
        }

        return ComposeOffline(asked, resolved);
    }

    private static Answer ComposeOffline(string asked, ResolvedQuestion resolved)
    {
        var composed = OfflineComposer.Compose(new OfflineComposeRequest(
            resolved.Retrieval.Passages, asked, resolved.Context, resolved.Retrieval.ExpandedTerms));
        return new Answer(composed.Text, composed.Citations, Declined: false, UsedLlm: false);
    }

    private static string FirstLine(string text)
    {
        var line = text.Trim().Split('\n', 2)[0].Trim().Trim('"', '“', '”', '\'');
        return InputText.Truncate(line, MaxStandaloneLength);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Question shows injection signals {Signals}; answering only what is left")]
    private partial void LogInjectionSignals(IReadOnlyList<string> signals);

    [LoggerMessage(Level = LogLevel.Information, Message = "Declined: retrieval confidence {Confidence:0.00} below {Threshold:0.00}")]
    private partial void LogDeclined(double confidence, double threshold);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Follow-up rewritten by the model ({FromLength} → {ToLength} characters)")]
    private partial void LogRewritten(int fromLength, int toLength);

    private sealed record ResolvedQuestion(string Standalone, string? Context, RetrievalResult Retrieval);
}
