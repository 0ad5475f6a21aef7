using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies;

namespace CoachBot.Coaching.Challenges;

/// <summary>One <c>/challenge</c> subcommand; <see cref="ChallengeCommand"/> routes to it by <see cref="Name"/>.</summary>
public interface IChallengeSubcommand
{
    string Name { get; }

    Task<IReadOnlyList<Reply>> HandleAsync(CommandRequest request, CancellationToken cancellationToken);
}
