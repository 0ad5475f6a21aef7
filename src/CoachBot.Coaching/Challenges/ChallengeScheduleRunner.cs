using System.Globalization;
using CoachBot.Core.Outbound;
using CoachBot.Storage.Challenges;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Coaching.Challenges;

/// <summary>
/// One scheduler tick: for each enabled schedule, post the latest due weekly slot if no instance has claimed it yet
/// (claim row first, then post, then record), and send reminders for challenges due within the lead time. Safe to run
/// from several processes on one database: the unique claim row and conditional updates decide who posts.
/// </summary>
public sealed partial class ChallengeScheduleRunner(
    IChallengeScheduleStore schedules,
    IChallengeStore challenges,
    ChallengeBank bank,
    ChallengeAnnouncements announcements,
    ChallengeModeration moderation,
    ChannelMessengers messengers,
    IOptions<ChallengesOptions> options,
    TimeProvider time,
    ILogger<ChallengeScheduleRunner> logger)
{
    /// <summary>The first try plus one retry on a later tick.</summary>
    public const int MaxAttempts = 2;

    public string InstanceId { get; } = string.Create(
        CultureInfo.InvariantCulture, $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}");

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        foreach (var schedule in await schedules.ListEnabledAsync(cancellationToken))
        {
            try
            {
                await RunScheduleAsync(schedule, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogScheduleFailed(ex, schedule.CommunityKey);
            }
        }

        try
        {
            await SendRemindersAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRemindersFailed(ex);
        }
    }

    private async Task RunScheduleAsync(ChallengeSchedule schedule, CancellationToken cancellationToken)
    {
        if (!messengers.Supports(schedule.Platform))
        {
            // Another process (with that platform's adapter) may serve this community; claiming here would starve it.
            return;
        }

        if (!WeeklySchedule.TryFindTimeZone(schedule.TimeZoneId, out var zone))
        {
            LogUnknownTimeZone(schedule.CommunityKey, schedule.TimeZoneId);
            return;
        }

        var weekly = new WeeklySchedule(schedule.Day, schedule.Hour, schedule.Minute, zone);
        var now = time.GetUtcNow();
        if (weekly.LatestOccurrence(schedule.EffectiveFrom, now) is not { } slot)
        {
            return;
        }

        var weekKey = weekly.WeekKey(slot);
        var claim = await schedules.FindClaimAsync(schedule.CommunityKey, weekKey, cancellationToken);
        if (claim is null)
        {
            claim = new ChallengeSlotClaim
            {
                CommunityKey = schedule.CommunityKey,
                WeekKey = weekKey,
                SlotAt = slot,
                ClaimedBy = InstanceId,
                ClaimedAt = now,
                Status = SlotClaimStatus.Claimed,
                Attempts = 1,
            };
            if (!await schedules.TryClaimAsync(claim, cancellationToken))
            {
                LogLostClaim(schedule.CommunityKey, weekKey);
                return;
            }

            await PostSlotAsync(schedule, weekly, claim, slot, cancellationToken);
            return;
        }

        if (claim.Status == SlotClaimStatus.Failed && claim.Attempts < MaxAttempts)
        {
            if (await schedules.TryTakeRetryAsync(claim.Id, InstanceId, now, MaxAttempts, cancellationToken))
            {
                claim.Attempts++;
                LogRetrying(schedule.CommunityKey, weekKey, claim.Attempts);
                await PostSlotAsync(schedule, weekly, claim, slot, cancellationToken);
            }

            return;
        }

        if (claim.Status == SlotClaimStatus.Claimed && now - claim.ClaimedAt > options.Value.ClaimTimeout)
        {
            // The owner stopped mid-post. The message may or may not have gone out; posting again could duplicate it.
            await schedules.MarkFailedAsync(claim.Id, SlotClaimStatus.Abandoned, $"claim held by {claim.ClaimedBy} timed out", now, cancellationToken);
            LogAbandonedStale(schedule.CommunityKey, weekKey, claim.ClaimedBy);
        }
    }

    private async Task PostSlotAsync(ChallengeSchedule schedule, WeeklySchedule weekly, ChallengeSlotClaim claim, DateTimeOffset slot, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var pick = bank.NextUnused(await challenges.BankUsageAsync(schedule.CommunityKey, cancellationToken));
        if (pick is null)
        {
            await schedules.MarkFailedAsync(claim.Id, SlotClaimStatus.Abandoned, "the challenge bank is empty", now, cancellationToken);
            LogBankEmpty(schedule.CommunityKey);
            return;
        }

        var previous = await challenges.FindOpenAsync(schedule.CommunityKey, cancellationToken);
        var previousCount = previous is null ? 0 : await challenges.CountSubmissionsAsync(previous.Id, cancellationToken);
        var challenge = new Challenge
        {
            CommunityKey = schedule.CommunityKey,
            Platform = schedule.Platform,
            CommunityId = schedule.CommunityId,
            ChannelId = schedule.ChannelId,
            BankId = pick.Id,
            Title = pick.Title,
            Brief = pick.Brief,
            PostedBy = ChallengeModeration.SchedulerActor,
            PostedAt = now,
            DueAt = weekly.NextOccurrence(slot),
        };
        var reply = announcements.Post(challenge, pick, now, previous, previousCount);
        try
        {
            challenge.MessageId = await messengers.PostAsync(schedule.Channel, reply, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var status = claim.Attempts >= MaxAttempts ? SlotClaimStatus.Abandoned : SlotClaimStatus.Failed;
            await schedules.MarkFailedAsync(claim.Id, status, $"{ex.GetType().Name}: {ex.Message}", time.GetUtcNow(), CancellationToken.None);
            if (status == SlotClaimStatus.Abandoned)
            {
                LogPostAbandoned(ex, schedule.CommunityKey, claim.WeekKey, claim.Attempts);
            }
            else
            {
                LogPostFailed(ex, schedule.CommunityKey, claim.WeekKey);
            }

            return;
        }

        var published = await challenges.PublishAsync(challenge, claim.Id, cancellationToken);
        await moderation.RecordSchedulerAsync(
            schedule.CommunityKey,
            "challenge.post.scheduled",
            string.Create(CultureInfo.InvariantCulture,
                $"challenge {challenge.Id} bank={pick.Id} week={claim.WeekKey} slot={slot:O} due={challenge.DueAt:O} closed={published.Closed?.Id.ToString(CultureInfo.InvariantCulture) ?? "-"}"),
            cancellationToken);
        LogPosted(schedule.CommunityKey, claim.WeekKey, pick.Id);
    }

    private async Task SendRemindersAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var lead = options.Value.ReminderLeadTime;
        foreach (var challenge in await challenges.ListAwaitingReminderAsync(now, now + lead, cancellationToken))
        {
            if (!messengers.Supports(challenge.Platform))
            {
                continue;
            }

            if (!await challenges.TryMarkReminderSentAsync(challenge.Id, now, cancellationToken))
            {
                continue; // another instance is sending it
            }

            if (challenge.DueAt - challenge.PostedAt <= lead)
            {
                continue; // a short challenge: a reminder right after the post would be noise
            }

            var count = await challenges.CountSubmissionsAsync(challenge.Id, cancellationToken);
            try
            {
                await messengers.PostAsync(challenge.Channel, ChallengeAnnouncements.Reminder(challenge, now, count), cancellationToken);
                LogReminded(challenge.CommunityKey, challenge.Id);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Marked as sent already: a failed reminder is logged rather than risk a second one from another instance.
                LogReminderFailed(ex, challenge.CommunityKey, challenge.Id);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Posted the weekly challenge for {Community} ({Week}): {BankId}")]
    private partial void LogPosted(string community, string week, string bankId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Another instance claimed the weekly challenge for {Community} ({Week})")]
    private partial void LogLostClaim(string community, string week);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Posting the weekly challenge for {Community} ({Week}) failed; it is retried once on the next tick")]
    private partial void LogPostFailed(Exception exception, string community, string week);

    [LoggerMessage(Level = LogLevel.Error, Message = "Posting the weekly challenge for {Community} ({Week}) failed {Attempts} times; giving up for this week")]
    private partial void LogPostAbandoned(Exception exception, string community, string week, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retrying the weekly challenge for {Community} ({Week}), attempt {Attempt}")]
    private partial void LogRetrying(string community, string week, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "The weekly challenge claim for {Community} ({Week}) held by {Owner} timed out mid-post; not re-posting to avoid a duplicate")]
    private partial void LogAbandonedStale(string community, string week, string owner);

    [LoggerMessage(Level = LogLevel.Error, Message = "The challenge bank is empty; nothing to post for {Community}")]
    private partial void LogBankEmpty(string community);

    [LoggerMessage(Level = LogLevel.Error, Message = "The challenge schedule of {Community} names an unknown time zone {TimeZone}")]
    private partial void LogUnknownTimeZone(string community, string timeZone);

    [LoggerMessage(Level = LogLevel.Error, Message = "The challenge schedule of {Community} failed")]
    private partial void LogScheduleFailed(Exception exception, string community);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending challenge reminders failed")]
    private partial void LogRemindersFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminded {Community} of challenge {ChallengeId}")]
    private partial void LogReminded(string community, long challengeId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The reminder for challenge {ChallengeId} in {Community} could not be posted")]
    private partial void LogReminderFailed(Exception exception, string community, long challengeId);
}
