using CoachBot.Core.Conversations;

namespace CoachBot.Storage.Challenges;

/// <summary>
/// One weekly challenge posted in a community, by a moderator or by the scheduler. At most one is open (no
/// <see cref="ClosedAt"/>) per community at a time; posting a new one closes the previous.
/// </summary>
public sealed class Challenge
{
    public long Id { get; set; }

    /// <summary><c>platform:communityId</c>, as <c>ConversationKey.CommunityKey</c> produces it.</summary>
    public string CommunityKey { get; set; } = "";

    public ChatPlatform Platform { get; set; }

    public string CommunityId { get; set; } = "";

    /// <summary>The channel the challenge was posted in; reminders and announcements go there.</summary>
    public string ChannelId { get; set; } = "";

    /// <summary>The bank item it came from, or null for a challenge a moderator wrote.</summary>
    public string? BankId { get; set; }

    public string Title { get; set; } = "";

    public string Brief { get; set; } = "";

    /// <summary>Who posted it: a user key, or <c>coachbot:scheduler</c>.</summary>
    public string PostedBy { get; set; } = "";

    public DateTimeOffset PostedAt { get; set; }

    /// <summary>Submissions are accepted (and editable) until this instant.</summary>
    public DateTimeOffset DueAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public DateTimeOffset? ReminderSentAt { get; set; }

    public DateTimeOffset? WinnersAnnouncedAt { get; set; }

    /// <summary>The platform's id of the posted message, when it was posted by the scheduler.</summary>
    public string? MessageId { get; set; }

    public bool IsOpen => ClosedAt is null;

    public ConversationKey Channel => new(Platform, CommunityId, ChannelId);
}
