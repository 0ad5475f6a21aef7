using CoachBot.Core.Commands;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies;

namespace CoachBot.Coaching.Progress;

/// <summary><c>/leaderboard [week|all]</c>: this community's quiz ranking (never across communities).</summary>
public sealed class LeaderboardCommand(ProgressService progress) : ICommandHandler
{
    public const string PeriodOption = "period";
    public const string Week = "week";
    public const string All = "all";

    public CommandDefinition Definition { get; } = new("leaderboard", "Quiz ranking of this community")
    {
        Options =
        [
            new CommandOption(PeriodOption, "week (last 7 days, default) or all (all time)")
            {
                Choices = [new OptionChoice(Week, Week), new OptionChoice(All, All)],
            },
        ],
        Examples = ["/leaderboard", "/leaderboard all"],
    };

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var period = request.Option(PeriodOption)?.Trim().ToLowerInvariant() ?? Week;
        if (period is not (Week or All))
        {
            return Reply.One(Reply.Ephemeral("The period is `week` (last 7 days) or `all`, e.g. `/leaderboard all`."));
        }

        return Reply.One(await progress.LeaderboardAsync(request.Context, period == All, cancellationToken));
    }
}
