namespace CoachBot.Testing.StandIns;

/// <summary>/ask &lt;question&gt;: a titled public answer with sources and a footer, in a new thread.</summary>
public sealed class StandInAskCommand(StandInCoach coach) : ICommandHandler
{
    public CommandDefinition Definition { get; } = new("ask", "Ask the coach a question about backend engineering")
    {
        Options = [new CommandOption("question", "Your question") { Required = true, TakesRest = true }],
    };

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await coach.EnterAsync(request, cancellationToken).ConfigureAwait(false);
        await coach.AskModelAsync(cancellationToken).ConfigureAwait(false);
        return Reply.One(new Reply
        {
            Title = "Indexes",
            Text = $"Answer to: {request.Option("question")}",
            Sources = [new Citation("databases", "Databases", ["Indexes", "B-trees"])],
            Placement = ReplyPlacement.Thread,
            Footer = "Answered from the guides",
        });
    }
}
