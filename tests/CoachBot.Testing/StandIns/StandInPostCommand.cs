namespace CoachBot.Testing.StandIns;

/// <summary>/post: moderators only (the dispatcher enforces it from CommandContext.IsModerator); answers publicly.</summary>
public sealed class StandInPostCommand(StandInCoach coach) : ICommandHandler
{
    public const string Posted = "Challenge posted.";

    public CommandDefinition Definition { get; } = new("post", "Post this week's challenge") { ModeratorOnly = true };

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        await coach.EnterAsync(request, cancellationToken).ConfigureAwait(false);
        return Reply.One(Reply.Public(Posted));
    }
}
