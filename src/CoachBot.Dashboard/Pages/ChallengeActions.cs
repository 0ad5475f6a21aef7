using System.Globalization;
using CoachBot.Coaching.Challenges;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Outbound;
using CoachBot.Core.Replies;
using CoachBot.Dashboard.Web;
using CoachBot.Storage.Challenges;
using Microsoft.AspNetCore.Antiforgery;

namespace CoachBot.Dashboard.Pages;

/// <summary>
/// The dashboard's challenge actions: the same <c>/challenge post|close|winners|schedule</c> subcommands as in chat,
/// dispatched for the session's moderator in the community's channel (so the same checks, stores and audit apply), and
/// their public replies posted to that channel, as the chat would show them; then a redirect to the challenges page,
/// which shows the outcome. A channel the community has not used is
/// checked with the platform first; one of another community is refused.
/// </summary>
public sealed class ChallengeActions(
    CoachDispatcher dispatcher,
    ChannelMessengers messengers,
    ChannelDirectories channels,
    DashboardQueries queries,
    IChallengeScheduleStore schedules,
    DashboardModeratorCheck moderators)
{
    public async Task<IResult> PostAsync(HttpContext context, IAntiforgery antiforgery)
    {
        ArgumentNullException.ThrowIfNull(context);
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in new[] { "from", "title", "brief", "due" })
        {
            if (form[name].ToString().Trim() is { Length: > 0 } value)
            {
                options[name] = value;
            }
        }

        return await RunAsync(context, antiforgery, ChallengeCommandDefinition.Post, form["channel"].ToString().Trim(), options, new Dictionary<string, string>());
    }

    public async Task<IResult> CloseAsync(HttpContext context, IAntiforgery antiforgery)
    {
        ArgumentNullException.ThrowIfNull(context);
        var session = DashboardSession.Require(context);
        var open = (await queries.ChallengesAsync(session.CommunityKey, 1, context.RequestAborted)).FirstOrDefault(c => c.IsOpen);
        return await RunAsync(context, antiforgery, ChallengeCommandDefinition.Close, open?.ChannelId ?? string.Empty, new Dictionary<string, string>(), new Dictionary<string, string>());
    }

    public async Task<IResult> WinnersAsync(HttpContext context, IAntiforgery antiforgery)
    {
        ArgumentNullException.ThrowIfNull(context);
        var session = DashboardSession.Require(context);
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var awaiting = (await queries.ChallengesAsync(session.CommunityKey, 50, context.RequestAborted))
            .FirstOrDefault(c => !c.IsOpen && c.WinnersAnnouncedAt is null);
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var mentioned = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (awaiting is not null)
        {
            // Submission ids from the form, resolved within this community's challenge: another community's are ignored.
            var submissions = await queries.SubmissionsAsync(session.CommunityKey, awaiting.Id, context.RequestAborted);
            var picked = form["submission"].Select(v => long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).ToHashSet();
            var prefix = session.Platform.ToString().ToLowerInvariant() + ":";
            foreach (var (submission, option) in submissions.Where(s => picked.Contains(s.Id)).Zip(ChallengeCommandDefinition.WinnerOptions))
            {
                var userId = submission.UserKey.StartsWith(prefix, StringComparison.Ordinal) ? submission.UserKey[prefix.Length..] : submission.UserKey;
                options[option] = userId;
                mentioned[option] = userId;
            }
        }

        return await RunAsync(context, antiforgery, ChallengeCommandDefinition.Winners, awaiting?.ChannelId ?? string.Empty, options, mentioned);
    }

    public async Task<IResult> ScheduleAsync(HttpContext context, IAntiforgery antiforgery)
    {
        ArgumentNullException.ThrowIfNull(context);
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in new[] { "day", "time", "timezone" })
        {
            if (form[name].ToString().Trim() is { Length: > 0 } value)
            {
                options[name] = value;
            }
        }

        var session = DashboardSession.Require(context);
        var channel = form["channel"].ToString().Trim();
        if (channel.Length == 0)
        {
            channel = (await schedules.FindAsync(session.CommunityKey, context.RequestAborted))?.ChannelId ?? string.Empty;
        }

        return await RunAsync(context, antiforgery, ChallengeCommandDefinition.Schedule, channel, options, new Dictionary<string, string>());
    }

    private async Task<IResult> RunAsync(
        HttpContext context, IAntiforgery antiforgery, string subcommand, string channelId,
        Dictionary<string, string> options, Dictionary<string, string> mentioned)
    {
        var session = DashboardSession.Require(context);
        var ct = context.RequestAborted;
        if (!await moderators.IsStillModeratorAsync(session, "challenge." + subcommand, ct))
        {
            return Results.Content(
                "<!doctype html><p>You are no longer a moderator of this community, so the dashboard can't do that.</p>",
                "text/html; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
        }

        if (!IsChannelId(channelId))
        {
            return await ReplyAsync(context, antiforgery, [(false, "Give the id of the channel (one of this community's) to use.")], StatusCodes.Status400BadRequest);
        }

        var channel = new ConversationKey(session.Platform, session.CommunityId, channelId);
        if (!await IsCommunityChannelAsync(session, channel, ct))
        {
            return await ReplyAsync(context, antiforgery,
                [(false, $"Channel {channelId} isn't one of this community's channels the bot can post in; nothing was done.")], StatusCodes.Status400BadRequest);
        }

        if (subcommand == ChallengeCommandDefinition.Schedule)
        {
            // The schedule takes its channel as a picked channel, like the chat's channel picker.
            options["channel"] = channelId;
            mentioned["channel"] = channelId;
        }

        var request = new CommandRequest(
            new CommandContext
            {
                User = session.User,
                Conversation = channel,
                IsModerator = true,
                CorrelationId = "web" + Guid.NewGuid().ToString("N")[..9],
                ReceivedAt = DateTimeOffset.UtcNow,
            },
            ChallengeCommandDefinition.Name,
            subcommand,
            options)
        {
            MentionedIds = mentioned,
        };
        var notices = new List<(bool, string)>();
        foreach (var reply in await dispatcher.DispatchAsync(request, ct))
        {
            if (reply.Visibility == ReplyVisibility.Ephemeral)
            {
                notices.Add((true, Plain(reply)));
                continue;
            }

            if (!messengers.Supports(channel.Platform))
            {
                notices.Add((false, "Done, but no chat adapter for this platform runs in this process, so this was not posted: " + Plain(reply)));
                continue;
            }

            await messengers.PostAsync(channel, reply, ct);
            notices.Add((true, $"Posted in channel {channelId}: {reply.Title ?? Plain(reply)}"));
        }

        // Post, redirect, get: reloading the page shows the outcome again, never repeats the action.
        DashboardNotices.Set(context, notices);
        return Results.Redirect("/dashboard/challenges");
    }

    private async Task<bool> IsCommunityChannelAsync(DashboardSession session, ConversationKey channel, CancellationToken ct)
    {
        var known = ChallengesPage.KnownChannels(
            await queries.ChallengesAsync(session.CommunityKey, 50, ct), await schedules.FindAsync(session.CommunityKey, ct));
        // A channel the community hasn't used is asked about with the platform; without its adapter here, nobody can vouch for it.
        return known.Contains(channel.ChannelId, StringComparer.Ordinal)
            || (messengers.Supports(channel.Platform) && await channels.CheckAsync(channel, ct) == ChannelOwnership.InCommunity);
    }

    private Task<IResult> ReplyAsync(HttpContext context, IAntiforgery antiforgery, IReadOnlyList<(bool, string)> notices, int status) =>
        ChallengesPage.RenderAsync(context, queries, schedules, antiforgery, notices, status);

    private static string Plain(Reply reply) =>
        string.Join(" ", new[] { reply.Title, reply.Text }.Where(t => !string.IsNullOrWhiteSpace(t)));

    private static bool IsChannelId(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
