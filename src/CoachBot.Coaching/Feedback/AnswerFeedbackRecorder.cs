using System.Globalization;
using System.Text;
using CoachBot.Ai.Answers;
using CoachBot.Core.Conversations;
using CoachBot.Core.Replies;
using CoachBot.Core.Safety;
using CoachBot.Storage;
using CoachBot.Storage.Feedback;
using Microsoft.Extensions.Logging;

namespace CoachBot.Coaching.Feedback;

/// <summary>
/// Logs every question as its reply is sent (question, decision, cited sources, retrieval scores, offline or not: the
/// dashboard's question log) and gives an answer's reply the 👍 / 👎 buttons, so a click later, even after a restart,
/// finds what it is about. The asker is recorded as a member of the community (the dashboard's member list). Declines
/// are logged but carry no buttons. When the database can't take the record, the
/// reply still goes out, without buttons.
/// </summary>
public sealed partial class AnswerFeedbackRecorder(
    IAnswerFeedbackStore store, TimeProvider time, ILogger<AnswerFeedbackRecorder> logger, Storage.Community.CommunityMembership? membership = null)
{
    public async Task<Reply> AttachAsync(CommandContext context, string question, Answer answer, Reply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(reply);
        var record = Record(context, question, answer);
        try
        {
            await store.SaveAnswerAsync(record, cancellationToken);
            if (membership is not null)
            {
                await membership.NoteAsync(context.User, context.Conversation, cancellationToken);
            }
        }
        catch (Exception ex) when (StorageFaults.IsTransient(ex) && !cancellationToken.IsCancellationRequested)
        {
            LogNotRecorded(ex, context.CorrelationId);
            return reply;
        }

        return answer.Declined ? reply : reply with { Feedback = new ReplyFeedback(record.Id) };
    }

    private AnswerRecord Record(CommandContext context, string question, Answer answer)
    {
        var cited = answer.Citations.Distinct().ToList();
        return new AnswerRecord
        {
            Id = FeedbackIds.NewAnswerId(),
            CommunityKey = context.Conversation.CommunityKey,
            ConversationKey = context.Conversation.ToString(),
            AskerKey = context.User.Key,
            Question = InputText.Truncate(question.Trim(), AnswerRecord.QuestionLength),
            Sources = Lines(cited.Select(c => c.Display), AnswerRecord.SourcesLength),
            SourceGuides = Lines(cited.Select(c => c.GuideId), AnswerRecord.GuidesLength),
            Scores = Lines(answer.Evidence.Passages.Select(Score), AnswerRecord.ScoresLength),
            Confidence = answer.Evidence.Confidence,
            Offline = !answer.UsedLlm,
            Decision = Decision(answer.Verdict),
            AnsweredAt = time.GetUtcNow(),
        };
    }

    private static QuestionDecision Decision(AnswerVerdict verdict) => verdict switch
    {
        AnswerVerdict.Answered => QuestionDecision.Answered,
        AnswerVerdict.PartlyAnswered => QuestionDecision.Partly,
        _ => QuestionDecision.Declined,
    };

    private static string Score(PassageScore passage)
    {
        var text = passage.PassageId + " " + passage.Score.ToString("0.###", CultureInfo.InvariantCulture);
        return passage.Similarity is { } similarity ? text + " " + similarity.ToString("0.###", CultureInfo.InvariantCulture) : text;
    }

    /// <summary>Whole lines only, up to <paramref name="max"/> characters.</summary>
    private static string Lines(IEnumerable<string> lines, int max)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            var clipped = InputText.Truncate(line.Replace('\n', ' '), max);
            if (text.Length + clipped.Length + 1 > max)
            {
                break;
            }

            text.Append(text.Length == 0 ? string.Empty : "\n").Append(clipped);
        }

        return text.ToString();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answer {CorrelationId} not recorded for feedback (database busy or unreachable); sent without 👍/👎")]
    private partial void LogNotRecorded(Exception exception, string correlationId);
}
