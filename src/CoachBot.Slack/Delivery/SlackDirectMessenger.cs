using CoachBot.Slack.Api;
using CoachBot.Slack.Rendering;

namespace CoachBot.Slack.Delivery;

/// <summary>
/// Direct messages on Slack: conversations.open with the member, then chat.postMessage into that DM. The errors that
/// mean the member cannot be messaged for good (the id is gone or deactivated, hidden from the bot, a bot user, or the
/// app's Messages tab is off) are <see cref="DirectMessageOutcome.Blocked"/>; anything else throws.
/// </summary>
public sealed class SlackDirectMessenger(SlackApiClient api) : IDirectMessenger
{
    /// <summary>Slack errors that mean: stop sending this member DMs.</summary>
    public static readonly IReadOnlySet<string> BlockedErrors = new HashSet<string>(StringComparer.Ordinal)
    {
        "cannot_dm_bot", "user_not_found", "user_disabled", "user_not_visible", "messages_tab_disabled",
    };

    public ChatPlatform Platform => ChatPlatform.Slack;

    public async Task<DirectMessageOutcome> SendAsync(string userId, Reply reply, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(reply);
        try
        {
            var channel = await api.OpenDirectMessageAsync(userId, cancellationToken);
            foreach (var message in SlackReplyRenderer.Render(reply, reply.Form?.FallbackText))
            {
                await api.PostMessageAsync(channel, message, threadTs: null, cancellationToken);
            }

            return DirectMessageOutcome.Sent;
        }
        catch (SlackApiException ex) when (BlockedErrors.Contains(ex.Error))
        {
            return DirectMessageOutcome.Blocked;
        }
    }
}
