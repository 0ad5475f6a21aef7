using CoachBot.Core.Conversations;
using CoachBot.Storage;
using CoachBot.Storage.Challenges;
using CoachBot.Storage.Community;
using CoachBot.Storage.Feedback;
using Microsoft.EntityFrameworkCore;

namespace CoachBot.Host.Tests.Dashboard;

/// <summary>One community's worth of dashboard data, every text tagged with a marker so a page shows whose it is.</summary>
public static class DashboardSeed
{
    public sealed record Seeded(long MemberRowId, long ChallengeId, long SubmissionId, string ChannelId);

    public static async Task<Seeded> CommunityAsync(
        RealHost host, string communityId, string marker, bool closed = false, ChatPlatform platform = ChatPlatform.Discord)
    {
        var contexts = host.Services.GetRequiredService<IDbContextFactory<CoachBotDbContext>>();
        var now = DateTimeOffset.UtcNow;
        var prefix = platform.ToString().ToLowerInvariant();
        var community = prefix + ":" + communityId;
        await using var db = await contexts.CreateDbContextAsync();
        var member = new CommunityMember
        {
            Platform = prefix, CommunityKey = community, UserId = "u-" + marker, UserKey = prefix + ":u-" + marker,
            DisplayName = "Member " + marker, FirstSeenAt = now, LastSeenAt = now,
        };
        var answer = new AnswerRecord
        {
            Id = (marker + "0000000000000000")[..AnswerRecord.IdLength], CommunityKey = community, ConversationKey = community + "/c-" + marker,
            AskerKey = member.UserKey, Question = "How do I shard " + marker + "?", Decision = QuestionDecision.Declined,
            Scores = "backend-core-skills#databases-and-query-languages/0 1.2", AnsweredAt = now.AddMinutes(-5),
        };
        var challenge = new Challenge
        {
            CommunityKey = community, Platform = platform, CommunityId = communityId, ChannelId = "c-" + marker,
            Title = "Challenge " + marker, Brief = "Brief " + marker, PostedBy = prefix + ":mod", PostedAt = now.AddDays(-1), DueAt = now.AddDays(6),
            ClosedAt = closed ? now : null,
        };
        db.AddRange(member, answer, challenge);
        db.Add(new ModeratorAuditEntry { CommunityKey = community, ActorKey = prefix + ":mod", ActorName = "Auditor " + marker, Action = "challenge.post", Details = "details " + marker, At = now });
        await db.SaveChangesAsync();
        var submission = new ChallengeSubmission
        {
            ChallengeId = challenge.Id, UserKey = member.UserKey, DisplayName = member.DisplayName,
            Content = "Answer " + marker + " https://example.org/" + marker, SubmittedAt = now, UpdatedAt = now,
        };
        db.Add(submission);
        await db.SaveChangesAsync();
        return new Seeded(member.Id, challenge.Id, submission.Id, challenge.ChannelId);
    }

    public static async Task<Challenge> ChallengeAsync(RealHost host, long id)
    {
        var contexts = host.Services.GetRequiredService<IDbContextFactory<CoachBotDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Set<Challenge>().AsNoTracking().SingleAsync(c => c.Id == id);
    }
}
