namespace CoachBot.Core.Outbound;

/// <summary>Whether a channel belongs to a community, as the platform reports it.</summary>
public enum ChannelOwnership
{
    /// <summary>The channel is in the community (or the platform has no communities to check, e.g. the terminal).</summary>
    InCommunity,

    /// <summary>The channel exists but belongs to another community (Discord guild, Slack workspace).</summary>
    OtherCommunity,

    /// <summary>The platform does not know the channel, or the bot cannot see it.</summary>
    NotFound,

    /// <summary>The check failed (network, rate limit): nothing is known.</summary>
    Unknown,
}
