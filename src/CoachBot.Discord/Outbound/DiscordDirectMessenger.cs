using CoachBot.Discord.Rendering;
using CoachBot.Discord.Rest;

namespace CoachBot.Discord.Outbound;

/// <summary>
/// Direct messages on Discord: <c>POST /users/@me/channels</c> opens the DM channel, then the rendered messages are
/// posted into it. Discord answers 50007 "Cannot send messages to this user" when the member closed DMs from server
/// members or blocked the bot, and 10013 "Unknown User" for an account that is gone: both mean stop.
/// </summary>
public sealed class DiscordDirectMessenger(DiscordRestClient rest) : IDirectMessenger
{
    public const int CannotSendMessagesToThisUser = 50007;
    public const int UnknownUser = 10013;

    public ChatPlatform Platform => ChatPlatform.Discord;

    public async Task<DirectMessageOutcome> SendAsync(string userId, Reply reply, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(reply);
        try
        {
            var channel = await rest.CreateDirectMessageChannelAsync(userId, cancellationToken);
            foreach (var message in DiscordReplyRenderer.Render(reply, ephemeral: false))
            {
                await rest.CreateMessageAsync(channel.Id, message, cancellationToken);
            }

            return DirectMessageOutcome.Sent;
        }
        catch (DiscordApiException ex) when (ex.Code is CannotSendMessagesToThisUser or UnknownUser)
        {
            return DirectMessageOutcome.Blocked;
        }
    }
}
