using CoachBot.Core.Conversations;
using CoachBot.Core.Replies;
using CoachBot.Core.Safety;
using CoachBot.Storage;
using CoachBot.Storage.Feedback;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Coaching.Feedback;

/// <summary>
/// Votes and notes on answers. A vote is taken only for an answer that exists, was given in the clicker's community and
/// is inside the vote window; one vote per member per answer, a second click changes it. A 👎 offers the optional
/// "what was wrong?" form. Every reply is private.
/// </summary>
public sealed partial class FeedbackService(
    IAnswerFeedbackStore store, IOptions<FeedbackOptions> options, TimeProvider time, ILogger<FeedbackService> logger)
{
    /// <summary>A click on 👍 / 👎 under the answer <paramref name="answerId"/> (untrusted).</summary>
    public async Task<IReadOnlyList<Reply>> VoteAsync(CommandContext context, string answerId, FeedbackVote vote, string? comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var answer = FeedbackIds.IsAnswerId(answerId) ? await store.FindAnswerAsync(answerId, cancellationToken) : null;
        if (answer is null || answer.CommunityKey != context.Conversation.CommunityKey)
        {
            LogUnknownAnswer(context.User.Key);
            return Reply.One(FeedbackReplies.Private(FeedbackReplies.Unknown));
        }

        return await VoteOnAsync(context, answer, vote, comment, cancellationToken);
    }

    /// <summary><c>/feedback up|down [note]</c>: a vote on the newest answer the member got in this conversation.</summary>
    public async Task<IReadOnlyList<Reply>> VoteOnLatestAsync(CommandContext context, FeedbackVote vote, string? comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var answer = await store.LatestAnswerAsync(context.User.Key, context.Conversation.ToString(), cancellationToken);
        return answer is null
            ? Reply.One(FeedbackReplies.Private(FeedbackReplies.NoAnswerYet))
            : await VoteOnAsync(context, answer, vote, comment, cancellationToken);
    }

    /// <summary>The "what was wrong?" form, submitted for <paramref name="answerId"/> (untrusted).</summary>
    public async Task<IReadOnlyList<Reply>> CommentAsync(CommandContext context, string answerId, string? text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var note = Note(text);
        if (note is null)
        {
            return Reply.One(FeedbackReplies.Private(FeedbackReplies.EmptyComment));
        }

        var saved = FeedbackIds.IsAnswerId(answerId) && await store.SetCommentAsync(answerId, context.User.Key, note, cancellationToken);
        return Reply.One(FeedbackReplies.Private(saved ? FeedbackReplies.CommentSaved : FeedbackReplies.CommentNotSaved));
    }

    private async Task<IReadOnlyList<Reply>> VoteOnAsync(
        CommandContext context, AnswerRecord answer, FeedbackVote vote, string? comment, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (answer.AnsweredAt < now - options.Value.VoteWindow)
        {
            return Reply.One(FeedbackReplies.Private(FeedbackReplies.TooOld(options.Value.VoteWindowDays)));
        }

        VoteOutcome outcome;
        var note = vote == FeedbackVote.Down ? Note(comment) : null;
        try
        {
            outcome = await store.VoteAsync(answer, context.User.Key, vote, now, cancellationToken);
            if (note is not null)
            {
                await store.SetCommentAsync(answer.Id, context.User.Key, note, cancellationToken);
            }
        }
        catch (Exception ex) when (StorageFaults.IsTransient(ex) && !cancellationToken.IsCancellationRequested)
        {
            LogNotSaved(ex, answer.Id);
            return Reply.One(FeedbackReplies.Private(FeedbackReplies.NotSaved));
        }

        LogVoted(answer.Id, vote, outcome);
        var thanks = FeedbackReplies.Private(FeedbackReplies.Thanks(vote, outcome));
        if (note is not null)
        {
            return Reply.One(FeedbackReplies.Private(FeedbackReplies.Thanks(vote, outcome) + " " + FeedbackReplies.CommentSaved));
        }

        return vote == FeedbackVote.Down ? [thanks, FeedbackReplies.WhatWasWrongForm(answer.Id)] : [thanks];
    }

    private static string? Note(string? text)
    {
        var clean = text is null ? string.Empty : InputText.Clean(text).Trim();
        return clean.Length == 0 ? null : InputText.Truncate(clean, AnswerVote.CommentLength);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Feedback {Vote} on answer {AnswerId}: {Outcome}")]
    private partial void LogVoted(string answerId, FeedbackVote vote, VoteOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused feedback from {User}: unknown answer, or another community's")]
    private partial void LogUnknownAnswer(string user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feedback on answer {AnswerId} not saved: the database is busy or unreachable")]
    private partial void LogNotSaved(Exception exception, string answerId);
}
