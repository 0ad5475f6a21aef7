using CoachBot.Core.Commands;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies;

namespace CoachBot.Coaching.Challenges;

/// <summary><c>/challenge …</c>: hands each subcommand to its own small class.</summary>
public sealed class ChallengeCommand : ICommandHandler
{
    private readonly Dictionary<string, IChallengeSubcommand> _subcommands;

    public ChallengeCommand(IEnumerable<IChallengeSubcommand> subcommands)
    {
        _subcommands = subcommands.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);
    }

    public CommandDefinition Definition { get; } = ChallengeCommandDefinition.Create();

    public Task<IReadOnlyList<Reply>> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Subcommand is { } name && _subcommands.TryGetValue(name, out var subcommand)
            ? subcommand.HandleAsync(request, cancellationToken)
            : Task.FromResult(Reply.One(Reply.Ephemeral($"Usage: `{Definition.Usage()}`. Try `/help challenge`.")));
    }
}
