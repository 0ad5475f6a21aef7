using System.Net;
using CoachBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace CoachBot.Discord.Outbound;

/// <summary>A Discord channel's community is its guild: GET /channels/{id} and read its guild_id. 404 and 403 are not found.</summary>
public sealed class DiscordChannelDirectory(DiscordRestClient rest, ILogger<DiscordChannelDirectory> logger) : PlatformChannelDirectory(logger)
{
    public override ChatPlatform Platform => ChatPlatform.Discord;

    protected override async Task<IReadOnlyCollection<string>> FindCommunitiesAsync(ConversationKey channel, CancellationToken cancellationToken) =>
        (await rest.GetChannelAsync(channel.ChannelId, cancellationToken)).GuildId is { } guild ? [guild] : [];

    protected override ChannelLookupError? Classify(Exception exception) => exception is DiscordApiException api
        ? api.Status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden ? ChannelLookupError.NotFound : ChannelLookupError.Failed
        : null;
}
