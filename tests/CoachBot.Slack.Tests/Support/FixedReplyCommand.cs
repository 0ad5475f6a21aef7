namespace CoachBot.Slack.Tests.Support;

/// <summary>A command with the given definition that answers "ok": enough for a catalog the decoder and renderer read.</summary>
internal sealed class FixedReplyCommand(CommandDefinition definition) : ICommandHandler
{
    public CommandDefinition Definition { get; } = definition;

    public Task<IReadOnlyList<Reply>> HandleAsync(CommandRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(Reply.One(Reply.Public("ok")));
}
