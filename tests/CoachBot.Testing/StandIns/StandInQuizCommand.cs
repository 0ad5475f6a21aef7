namespace CoachBot.Testing.StandIns;

/// <summary>
/// /quiz &lt;skill&gt; [questions]: posts a question whose answer buttons (quiz:&lt;session&gt;:&lt;question&gt;:&lt;answer&gt;)
/// name a server-side session owned by the caller.
/// </summary>
public sealed class StandInQuizCommand(StandInCoach coach, StandInQuizSessions sessions) : ICommandHandler
{
    public CommandDefinition Definition { get; } = new("quiz", "Start a quiz")
    {
        Options =
        [
            new CommandOption("skill", "Which skill") { Required = true, Choices = [new OptionChoice("Databases", "databases"), new OptionChoice("APIs", "apis")] },
            new CommandOption("questions", "How many", CommandOptionType.Number) { MinValue = 1, MaxValue = 20 },
        ],
    };

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await coach.EnterAsync(request, cancellationToken).ConfigureAwait(false);
        var session = sessions.Start(request.Context.User.Key);
        return Reply.One(new Reply
        {
            Title = "Quiz · Question 1/" + (request.IntOption("questions") ?? 5).ToString(CultureInfo.InvariantCulture),
            Text = "What does an index speed up?",
            Buttons =
            [
                new ReplyButton(ButtonId.Create("quiz", session, "0", "A"), "Reads", ButtonStyle.Primary),
                new ReplyButton(ButtonId.Create("quiz", session, "0", "B"), "Writes"),
                new ReplyButton(ButtonId.Create("quiz", session, "0", "skip"), "Skip", ButtonStyle.Danger),
            ],
        });
    }
}
