using System.Text.Json;
using CoachBot.Core.Dispatch;
using CoachBot.Slack.Delivery;
using CoachBot.Slack.Inbound.Payloads;

namespace CoachBot.Slack.Inbound;

/// <summary>
/// Modal submissions → FormSubmitRequest (form id = callback_id, fields by block id). Answers go to the channel and
/// thread the modal was opened from (remembered in private_metadata).
/// </summary>
public sealed class CoachViewSubmissionHandler(
    CoachDispatcher dispatcher,
    SlackReplySender sender,
    SlackContextFactory contexts) : ISlackViewSubmissionHandler
{
    public async Task HandleAsync(SlackInteraction interaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var user = interaction.User?.Id;
        if (interaction.View is not { } view || string.IsNullOrEmpty(user) || ReadMetadata(view.PrivateMetadata) is not { } metadata)
        {
            return;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (blockId, inputs) in view.State?.Values ?? new Dictionary<string, IReadOnlyDictionary<string, SlackInputValue>>())
        {
            var input = inputs?.Values.FirstOrDefault();
            fields[blockId] = input?.Value ?? input?.SelectedOption?.Value ?? string.Empty;
        }

        var context = await contexts.CreateAsync(
            interaction.Team?.Id ?? interaction.User?.TeamId, metadata.Channel, user, interaction.User?.Name ?? interaction.User?.Username,
            metadata.ThreadTs, SlackContextFactory.IsDirectChannel(metadata.Channel), cancellationToken);
        var replies = await dispatcher.DispatchAsync(new FormSubmitRequest(context, view.CallbackId ?? string.Empty, fields), cancellationToken);
        var target = new SlackReplyTarget(metadata.Channel, user) { ReplyThreadTs = metadata.ThreadTs, ThreadParentTs = metadata.ThreadTs };
        await sender.SendAsync(target, replies, cancellationToken);
    }

    private static SlackFormMetadata? ReadMetadata(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            var metadata = JsonSerializer.Deserialize<SlackFormMetadata>(json);
            return metadata is { Channel.Length: > 0 } ? metadata : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
