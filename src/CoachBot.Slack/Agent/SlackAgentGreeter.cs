using CoachBot.Core.Dispatch;
using CoachBot.Slack.Api;
using CoachBot.Slack.Delivery;
using CoachBot.Slack.Identity;
using CoachBot.Slack.Inbound.Payloads;
using Microsoft.Extensions.Logging;

namespace CoachBot.Slack.Agent;

/// <summary>
/// Slack's agent experience, before the first question: a member opening the app's Messages tab (app_home_opened with
/// <c>tab: "messages"</c>, the agent_view signal) or starting an assistant thread (assistant_thread_started, the older
/// assistant_view) is greeted once — one message with what the coach does and its commands, and the suggested
/// prompts — remembered per member in <see cref="SlackGreetingLedger"/>. A later assistant thread gets its prompts
/// again (they belong to that thread) but no second greeting. assistant_thread_context_changed needs nothing: the coach
/// does not use the channel the member is looking at.
/// </summary>
public sealed partial class SlackAgentGreeter(
    SlackApiClient api,
    SlackReplySender sender,
    SlackGreetingLedger ledger,
    SlackBotIdentity identity,
    CoachDispatcher dispatcher,
    ILogger<SlackAgentGreeter> logger)
{
    /// <summary>True when the event belongs to the agent experience (handled or deliberately ignored here).</summary>
    public async Task<bool> TryHandleAsync(SlackEventCallback callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var ev = callback.Event;
        switch (ev?.Type)
        {
            case "app_home_opened":
                if (ev.Tab == "messages" && !string.IsNullOrEmpty(ev.Channel) && !string.IsNullOrEmpty(ev.User))
                {
                    // agent_view: prompts sit at the top of the member's conversation, so no thread_ts.
                    await GreetAsync(TeamOf(callback, ev), ev.User, ev.Channel, threadTs: null, cancellationToken);
                }

                return true;
            case "assistant_thread_started":
                if (ev.AssistantThread is { UserId: { Length: > 0 } user, ChannelId: { Length: > 0 } channel, ThreadTs: { Length: > 0 } thread })
                {
                    await GreetAsync(TeamOf(callback, ev), user, channel, thread, cancellationToken);
                }

                return true;
            case "assistant_thread_context_changed":
                return true;
            default:
                return false;
        }
    }

    private async Task GreetAsync(string team, string user, string channel, string? threadTs, CancellationToken cancellationToken)
    {
        var first = await ledger.TryClaimAsync(team, user, cancellationToken);
        if (first)
        {
            LogGreeting();
            var target = new SlackReplyTarget(channel, user) { ReplyThreadTs = threadTs, ThreadParentTs = threadTs };
            await sender.SendAsync(target, Reply.One(Reply.Public(SlackAgentPrompts.Greeting(dispatcher.Catalog.Definitions))), cancellationToken);
        }

        // The Messages tab keeps its prompts: set them with the greeting only. A legacy assistant thread is new each time.
        if (first || threadTs is not null)
        {
            await SetPromptsAsync(channel, threadTs, cancellationToken);
        }
    }

    private async Task SetPromptsAsync(string channel, string? threadTs, CancellationToken cancellationToken)
    {
        try
        {
            await api.SetSuggestedPromptsAsync(channel, threadTs, SlackAgentPrompts.PromptsTitle, SlackAgentPrompts.Prompts, cancellationToken);
        }
        catch (SlackApiException ex)
        {
            // Typically missing_scope (installed before the app asked for assistant:write): the greeting still lists the commands.
            LogPromptsFailed(ex.Error);
        }
    }

    private string TeamOf(SlackEventCallback callback, SlackEvent ev) =>
        callback.TeamId ?? ev.Team ?? identity.Info?.TeamId ?? "unknown";

    [LoggerMessage(Level = LogLevel.Information, Message = "Greeting a Slack member in the agent experience")]
    private partial void LogGreeting();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not set Slack suggested prompts ({Error})")]
    private partial void LogPromptsFailed(string error);
}
