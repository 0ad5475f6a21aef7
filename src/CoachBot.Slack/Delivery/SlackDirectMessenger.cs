using CoachBot.Slack.Api;
using CoachBot.Slack.Commands;
using CoachBot.Slack.Rendering;

namespace CoachBot.Slack.Delivery;

/// <summary>
/// Direct messages on Slack: conversations.open with the member, then chat.postMessage into that DM. The errors that
/// mean the member cannot be messaged for good (the id is gone or deactivated, hidden from the bot, a bot user, or the
/// app's Messages tab is off) are <see cref="DirectMessageOutcome.Blocked"/>; anything else throws.
/// </summary>
public sealed class SlackDirectMessenger(SlackApiClient api, SlackCommandMentions commandMentions)
    : RenderingDirectMessenger<SlackMessage>(ChatPlatform.Slack, reply => Render(commandMentions.InReply(reply)))
{
    /// <summary>Slack errors that mean: stop sending this member DMs.</summary>
    public static readonly IReadOnlySet<string> BlockedErrors = new HashSet<string>(StringComparer.Ordinal)
    {
        "cannot_dm_bot", "user_not_found", "user_disabled", "user_not_visible", "messages_tab_disabled",
    };

    protected override Task<string> OpenChannelAsync(string userId, CancellationToken cancellationToken) =>
        api.OpenDirectMessageAsync(userId, cancellationToken);

    protected override Task PostAsync(string channelId, SlackMessage message, CancellationToken cancellationToken) =>
        api.PostMessageAsync(channelId, message, threadTs: null, cancellationToken);

    protected override bool IsBlocked(Exception exception) =>
        exception is SlackApiException slack && BlockedErrors.Contains(slack.Error);

    private static IReadOnlyList<SlackMessage> Render(Reply reply) => SlackReplyRenderer.Render(reply, reply.Form?.FallbackText);
}
