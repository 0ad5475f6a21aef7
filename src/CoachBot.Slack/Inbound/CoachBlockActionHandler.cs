using CoachBot.Core.Dispatch;
using CoachBot.Slack.Delivery;
using CoachBot.Slack.Inbound.Payloads;
using CoachBot.Slack.Rendering;

namespace CoachBot.Slack.Inbound;

/// <summary>
/// Button clicks (buttons, and the 👍 / 👎 of a feedback_buttons element, whose action carries the clicked button's
/// value) → ButtonRequest with the button's value (the core button id, untrusted: the feature checks the state
/// it names and who owns it). Answers may replace the clicked message (UpdateSource) or go privately to the clicker.
/// </summary>
public sealed class CoachBlockActionHandler(
    CoachDispatcher dispatcher,
    SlackReplySender sender,
    SlackContextFactory contexts) : ISlackBlockActionHandler
{
    public async Task HandleAsync(SlackInteraction interaction, SlackAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(action);
        var channel = interaction.Channel?.Id ?? interaction.Container?.ChannelId;
        var user = interaction.User?.Id;
        if (action.Type is not (null or "button" or SlackReplyRenderer.FeedbackButtonsType) || string.IsNullOrEmpty(channel) || string.IsNullOrEmpty(user))
        {
            return;
        }

        var messageTs = interaction.Container?.MessageTs ?? interaction.Message?.Ts;
        var threadTs = interaction.Message?.ThreadTs ?? interaction.Container?.ThreadTs;
        var context = await contexts.CreateAsync(
            interaction.Team?.Id ?? interaction.User?.TeamId, channel, user, interaction.User?.Name ?? interaction.User?.Username,
            threadTs, SlackContextFactory.IsDirectChannel(channel), cancellationToken);
        var replies = await dispatcher.DispatchAsync(new ButtonRequest(context, action.Value ?? string.Empty), cancellationToken);
        var target = new SlackReplyTarget(channel, user)
        {
            ReplyThreadTs = threadTs,
            ThreadParentTs = threadTs ?? messageTs,
            ResponseUrl = interaction.ResponseUrl,
            TriggerId = interaction.TriggerId,
            SourceMessageTs = messageTs,
            SourceIsEphemeral = interaction.Container?.IsEphemeral == true,
        };
        await sender.SendAsync(target, replies, cancellationToken);
    }
}
