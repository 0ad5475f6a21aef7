namespace CoachBot.Coaching.Tests.Challenges;

/// <summary>A platform's channel directory with a fixed channel → community map; unknown channels are not found.</summary>
public sealed class StubChannelDirectory(ChatPlatform platform, IReadOnlyDictionary<string, string> channelCommunities) : IChannelDirectory
{
    public ChatPlatform Platform => platform;

    /// <summary>When set, every check answers this (a failing platform).</summary>
    public ChannelOwnership? Forced { get; set; }

    public Task<ChannelOwnership> CheckAsync(ConversationKey channel, CancellationToken cancellationToken) =>
        Task.FromResult(Forced ?? (!channelCommunities.TryGetValue(channel.ChannelId, out var community) ? ChannelOwnership.NotFound
            : community == channel.CommunityId ? ChannelOwnership.InCommunity
            : ChannelOwnership.OtherCommunity));
}
