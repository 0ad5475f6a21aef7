using CoachBot.Discord.Models;
using CoachBot.Discord.Rendering;
using CoachBot.Discord.Rest;

namespace CoachBot.Discord.Outbound;

/// <summary>
/// Direct messages on Discord: <c>POST /users/@me/channels</c> opens the DM channel, then the rendered messages are
/// posted into it. Discord answers 50007 "Cannot send messages to this user" when the member closed DMs from server
/// members or blocked the bot, and 10013 "Unknown User" for an account that is gone: both mean stop.
/// </summary>
public sealed class DiscordDirectMessenger(DiscordRestClient rest)
    : RenderingDirectMessenger<MessagePayload>(ChatPlatform.Discord, reply => DiscordReplyRenderer.Render(reply, ephemeral: false))
{
    public const int CannotSendMessagesToThisUser = 50007;
    public const int UnknownUser = 10013;

    protected override async Task<string> OpenChannelAsync(string userId, CancellationToken cancellationToken) =>
        (await rest.CreateDirectMessageChannelAsync(userId, cancellationToken)).Id;

    protected override Task PostAsync(string channelId, MessagePayload message, CancellationToken cancellationToken) =>
        rest.CreateMessageAsync(channelId, message, cancellationToken);

    protected override bool IsBlocked(Exception exception) =>
        exception is DiscordApiException { Code: CannotSendMessagesToThisUser or UnknownUser };
}
