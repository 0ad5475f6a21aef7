using CoachBot.Core.Conversations;

namespace CoachBot.Storage.Challenges;

/// <summary>
/// A community's weekly posting schedule ("every Monday 09:00 Europe/Berlin in #challenges"). One row per community;
/// <c>/challenge schedule off</c> disables it. Slots before <see cref="EffectiveFrom"/> are never posted, so turning the
/// schedule on does not post last week's slot.
/// </summary>
public sealed class ChallengeSchedule
{
    public string CommunityKey { get; set; } = "";

    public ChatPlatform Platform { get; set; }

    public string CommunityId { get; set; } = "";

    public string ChannelId { get; set; } = "";

    public DayOfWeek Day { get; set; }

    public int Hour { get; set; }

    public int Minute { get; set; }

    /// <summary>An IANA time-zone id, e.g. <c>Europe/Berlin</c>.</summary>
    public string TimeZoneId { get; set; } = "UTC";

    public bool Enabled { get; set; }

    public DateTimeOffset EffectiveFrom { get; set; }

    public string UpdatedBy { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }

    public ConversationKey Channel => new(Platform, CommunityId, ChannelId);
}
