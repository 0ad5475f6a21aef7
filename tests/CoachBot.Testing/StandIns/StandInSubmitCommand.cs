namespace CoachBot.Testing.StandIns;

/// <summary>
/// /submit answers privately with a form (id sub:1); submitting it is answered twice: publicly that it arrived, and
/// privately with what was sent.
/// </summary>
public sealed class StandInSubmitCommand(StandInCoach coach) : ICommandHandler, IFormHandler
{
    public const string FormId = "sub:1";
    public const string Fallback = "Type `/submit <answer>` instead.";
    public const string Received = "Submission received.";

    public CommandDefinition Definition { get; } = new("submit", "Submit an answer");

    public string Feature => "sub";

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        await coach.EnterAsync(request, cancellationToken).ConfigureAwait(false);
        return Reply.One(new Reply
        {
            Text = "Write your submission in the form.",
            Visibility = ReplyVisibility.Ephemeral,
            Form = new FormRequest(
                FormId,
                "Your submission",
                [new FormField("answer", "Your answer", Multiline: true) { Placeholder = "Explain your approach" }],
                Fallback),
        });
    }

    public async Task<IReadOnlyList<Reply>> HandleAsync(FormSubmitRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await coach.EnterAsync(request, cancellationToken).ConfigureAwait(false);
        return [Reply.Public(Received), Reply.Ephemeral("Got: " + request.Fields.GetValueOrDefault("answer"))];
    }
}
