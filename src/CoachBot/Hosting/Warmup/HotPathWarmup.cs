using System.Globalization;
using CoachBot.Ai.Answers;
using CoachBot.Ai.Answers.Meaning;
using CoachBot.Coaching.Ask;
using CoachBot.Coaching.Interview.Bank;
using CoachBot.Coaching.Interview.Feedback;
using CoachBot.Coaching.Interview.Flow;
using CoachBot.Coaching.Interview.Scoring;
using CoachBot.Core.Conversations;
using CoachBot.Core.Replies;
using CoachBot.Discord.Rendering;
using CoachBot.Knowledge.Retrieval;
using CoachBot.Knowledge.Semantic;
using CoachBot.Slack.Rendering;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Hosting.Warmup;

/// <summary>Where the hot-path warm-up is: off, waiting for the passage vectors, running round N of M, done, or failed.</summary>
public enum HotPathState
{
    Off,
    Pending,
    Running,
    Done,
    Failed,
}

/// <summary>
/// After start-up, once the passage vectors are ready, runs what a member's event runs a few dozen times on canned
/// input: an offline <c>/ask</c> answer (guard, retrieval with the sentence model, coverage judge, offline composer),
/// the interview check of a canned answer (the LLM path's screen and the offline coverage) with its offline feedback,
/// and both rendered for Discord and Slack. The runtime compiles these methods and promotes the hot ones to optimised
/// code (tiered compilation promotes a method after 30 calls) before the first members arrive instead of during their
/// burst. First, every sentence of the guides goes into the <see cref="SentenceVectorCache"/> (on the model threads, below
/// the priority of everything else), so no member's answer embeds a guide sentence: before, the first burst's answers
/// each embedded the sentences of their passages, all at once. Nothing is stored, no LLM is called (the answers are composed offline), no budget or rate limit is spent,
/// nothing is sent. <see cref="Describe"/> is what <c>/readyz</c> shows as <c>warmup</c>; informational like
/// <c>semantic</c>: the bot answers meanwhile.
/// </summary>
public sealed partial class HotPathWarmup(
    SemanticWarmup semantic,
    OfflineAnswers answers,
    LucenePassageRetriever lexical,
    SentenceVectorCache sentenceVectors,
    RubricScorer scorer,
    InterviewBank bank,
    IOptions<WarmupOptions> options,
    ILogger<HotPathWarmup> logger)
{
    /// <summary>Not the load tool's questions, nor any eval set's: generic questions a member might ask.</summary>
    private static readonly string[] Questions =
    [
        "what does a backend developer do day to day?",
        "how do database indexes make queries faster?",
        "how should i handle errors in a web api?",
    ];

    private static readonly ConversationKey Conversation = new(ChatPlatform.Terminal, "warmup", "warmup");

    private volatile int _state = (int)(options.Value.Rounds > 0 ? HotPathState.Pending : HotPathState.Off);
    private int _round;

    public HotPathState State => (HotPathState)_state;

    public string Describe() => State switch
    {
        HotPathState.Off => "off",
        HotPathState.Pending => "pending",
        HotPathState.Running => string.Create(CultureInfo.InvariantCulture, $"running {Volatile.Read(ref _round)}/{options.Value.Rounds}"),
        HotPathState.Done => "done",
        _ => "failed",
    };

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var rounds = options.Value.Rounds;
        if (rounds <= 0)
        {
            return;
        }

        try
        {
            // With the vectors, retrieval is hybrid: the same code a member's question runs through.
            await semantic.EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
            _state = (int)HotPathState.Running;
            var started = TimeProvider.System.GetTimestamp();
            var sentences = await FillSentenceVectorsAsync(cancellationToken).ConfigureAwait(false);
            var question = bank.Questions.Count > 0 ? bank.Questions[0] : null;
            var answer = question is null ? null : CannedAnswer(question);
            for (var round = 0; round < rounds; round++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Volatile.Write(ref _round, round + 1);
                var reply = await answers.AnswerAsync(new AnswerRequest(Conversation, "warmup", Questions[round % Questions.Length]), cancellationToken).ConfigureAwait(false);
                Render(AnswerReplies.From(reply, fromSlashCommand: round % 2 == 0));
                if (question is not null)
                {
                    var screen = scorer.Screen(question, answer, cancellationToken);
                    var feedback = OfflineFeedbackComposer.Compose(question, scorer.Assess(screen, cancellationToken), []);
                    Render(InterviewReplies.Feedback(feedback, 0, 3));
                }
            }

            _state = (int)HotPathState.Done;
            var elapsedMs = TimeProvider.System.GetElapsedTime(started).TotalMilliseconds;
            LogDone(logger, sentences, rounds, elapsedMs);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: ONNX Runtime reports a run cut short as its own exception ("terminate flag"), not as a
            // cancellation; either way this is the host stopping, not a failure worth a warning.
            _state = (int)HotPathState.Failed;
        }
#pragma warning disable CA1031 // A warm-up that fails costs only speed: members are answered either way.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _state = (int)HotPathState.Failed;
            LogFailed(logger, exception);
        }
    }

    /// <summary>The sentences of every passage, as <c>QuestionMeaning</c> splits them, embedded into the cache in small batches; returns how many.</summary>
    private async Task<int> FillSentenceVectorsAsync(CancellationToken cancellationToken)
    {
        if (!sentenceVectors.IsEnabled)
        {
            return 0;
        }

        var sentences = lexical.Index.Chunks
            .Select(chunk => chunk.Passage)
            .DistinctBy(passage => passage.Id)
            .SelectMany(passage => SentenceSplitter.Split(passage.Text))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        foreach (var batch in sentences.Chunk(SentenceVectorCache.BatchSize))
        {
            // One batch per turn, so a member's question waits for one batch at most.
            await ModelThreads.Shared.RunAsync(() => sentenceVectors.Get(batch, cancellationToken), cancellationToken).ConfigureAwait(false);
        }

        return sentences.Length;
    }

    /// <summary>An on-topic answer of three sentences: the question's first points, as a candidate might put them.</summary>
    private static string CannedAnswer(InterviewQuestion question) =>
        string.Join(" ", question.Rubric.Take(3).Select(p => p.Point.TrimEnd('.') + "."));

    private static void Render(Reply reply)
    {
        _ = DiscordReplyRenderer.Render(reply, ephemeral: false);
        _ = SlackReplyRenderer.Render(reply);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Hot paths warmed up: {Sentences} guide sentences embedded, {Rounds} rounds of an offline answer and an interview check, in {ElapsedMs:F0} ms")]
    private static partial void LogDone(ILogger logger, int sentences, int rounds, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The hot-path warm-up failed; the first members' events pay the compilation instead")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
