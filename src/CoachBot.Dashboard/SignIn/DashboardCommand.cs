using CoachBot.Core.Commands;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies;
using Microsoft.Extensions.Options;

namespace CoachBot.Dashboard.SignIn;

/// <summary>
/// <c>/dashboard</c> (moderators): a private reply with a single-use link, valid 10 minutes, that signs the moderator in
/// to this community's dashboard. At the operator's console it first starts the web server if it is not running.
/// </summary>
public sealed class DashboardCommand(
    DashboardLinks links,
    IOptions<DashboardUrlOptions> urls,
    IDashboardWebServer? webServer = null) : ICommandHandler
{
    public const string Name = "dashboard";

    public CommandDefinition Definition { get; } = new(Name, "Moderators: get a private sign-in link to this community's web dashboard")
    {
        ModeratorOnly = true,
        Examples = ["/dashboard"],
    };

    public ReplyVisibility FirstReplyVisibility(CommandRequest request) => ReplyVisibility.Ephemeral;

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = request.Context;
        if (!context.IsModerator || context.User.UserId == DashboardGrant.OperatorUserId)
        {
            // The operator's id is reserved for dashboard-link: no chat identity may get an operator session.
            return Reply.One(Reply.Ephemeral("Sorry, only community moderators can open the dashboard."));
        }

        if (context.IsDirect && !context.IsLocalOperator)
        {
            return Reply.One(Reply.Ephemeral("Use `/dashboard` in a channel of your community: the dashboard shows one community, the one you ask from."));
        }

        Uri? baseUri = null;
        if (context.IsLocalOperator && webServer is not null && urls.Value.BaseUri is null)
        {
            baseUri = await webServer.EnsureRunningAsync(cancellationToken);
        }
        else if (urls.Value.BaseUri is null)
        {
            return Reply.One(Reply.Ephemeral(
                $"The dashboard isn't reachable yet: the operator has to set `{DashboardUrlOptions.Key}` to the address the bot's web server is reached at (see docs/operations.md)."));
        }

        var link = await links.IssueAsync(DashboardGrant.From(context), cancellationToken, baseUri);
        return Reply.One(Reply.Ephemeral(
            $"Your dashboard sign-in link, for you only: {link.AbsoluteUri}\nIt works once, for 10 minutes; the session lasts 8 hours. Don't share it."));
    }
}
