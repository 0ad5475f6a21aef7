namespace CoachBot.Testing.StandIns;

/// <summary>/long [paragraphs]: a reply of that many numbered paragraphs (default 30, well over Discord's 2000 characters).</summary>
public sealed class StandInLongCommand(StandInCoach coach) : ICommandHandler
{
    public CommandDefinition Definition { get; } = new("long", "A long answer")
    {
        Options = [new CommandOption("paragraphs", "How many paragraphs", CommandOptionType.Number) { MinValue = 1, MaxValue = 500 }],
    };

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await coach.EnterAsync(request, cancellationToken).ConfigureAwait(false);
        var count = request.IntOption("paragraphs") ?? 30;
        var paragraphs = Enumerable.Range(1, count)
            .Select(i => "Paragraph " + i.ToString(CultureInfo.InvariantCulture) + ": " + string.Concat(Enumerable.Repeat("lorem ipsum dolor sit amet ", 12)).TrimEnd());
        return Reply.One(Reply.Public(string.Join("\n\n", paragraphs)));
    }
}
