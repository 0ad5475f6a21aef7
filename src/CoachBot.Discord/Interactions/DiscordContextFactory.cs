using CoachBot.Discord.Messages;
using CoachBot.Discord.Models;
using Microsoft.Extensions.Options;

namespace CoachBot.Discord.Interactions;

/// <summary>
/// Builds the core's <see cref="CommandContext"/> from Discord events: the invoker, the conversation key
/// (guild or "dm", channel, thread), moderator rights (Manage Server, Administrator, or a configured role) and IsDirect.
/// </summary>
public sealed class DiscordContextFactory(BotThreadRegistry threads, IOptions<DiscordOptions> options, TimeProvider time)
{
    public const string DirectCommunity = ConversationKey.DirectCommunityId;

    public CommandContext ForInteraction(DiscordInteraction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var user = interaction.Invoker ?? new DiscordUser { Id = "0", Username = "unknown" };
        var channelId = interaction.ChannelId ?? interaction.Channel?.Id ?? "0";
        var key = new ConversationKey(ChatPlatform.Discord, interaction.GuildId ?? DirectCommunity, channelId);
        if (interaction.Channel is { IsThread: true } channel)
        {
            key = key with { ChannelId = channel.ParentId ?? ParentOrSelf(channelId), ThreadId = channelId };
        }
        else if (threads.TryGetParent(channelId, out var parent))
        {
            key = key with { ChannelId = parent, ThreadId = channelId };
        }

        var roles = interaction.Member?.Roles ?? [];
        return new CommandContext
        {
            User = new UserIdentity(ChatPlatform.Discord, user.Id, interaction.Member?.Nick ?? user.DisplayName),
            Conversation = key,
            IsModerator = interaction.GuildId is not null
                && (DiscordPermissions.CanModerate(interaction.Member?.Permissions) || HasModeratorRole(roles)),
            Roles = roles,
            IsDirect = interaction.GuildId is null,
            ReceivedAt = time.GetUtcNow(),
            CorrelationId = "i" + interaction.Id,
        };
    }

    public CommandContext ForMessage(DiscordMessage message, ConversationKey conversation)
    {
        ArgumentNullException.ThrowIfNull(message);
        var author = message.Author ?? new DiscordUser { Id = "0", Username = "unknown" };
        var roles = message.Member?.Roles ?? [];
        return new CommandContext
        {
            User = new UserIdentity(ChatPlatform.Discord, author.Id, message.Member?.Nick ?? author.DisplayName),
            Conversation = conversation,
            // Message events carry no permissions; configured moderator roles still count.
            IsModerator = message.GuildId is not null && HasModeratorRole(roles),
            Roles = roles,
            IsDirect = message.GuildId is null,
            ReceivedAt = time.GetUtcNow(),
            CorrelationId = "m" + message.Id,
        };
    }

    private string ParentOrSelf(string channelId) => threads.TryGetParent(channelId, out var parent) ? parent : channelId;

    private bool HasModeratorRole(IReadOnlyList<string> roles) => DiscordPermissions.HasModeratorRole(options.Value.ModeratorRoleIds, roles);
}
