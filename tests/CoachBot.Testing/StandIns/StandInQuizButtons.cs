namespace CoachBot.Testing.StandIns;

/// <summary>
/// Answers quiz buttons, refusing ids that name no session or someone else's. The right answer (A) updates the question
/// in place showing the choice as a disabled button; any other answer updates it to text alone (no buttons left).
/// </summary>
public sealed class StandInQuizButtons(StandInCoach coach, StandInQuizSessions sessions) : IButtonHandler
{
    public const string Ended = "That quiz has ended or never existed. Nothing was changed.";
    public const string NotYours = "That quiz isn't yours: it belongs to someone else. Start your own with `/quiz`. Nothing was changed.";

    public string Feature => "quiz";

    public async Task<IReadOnlyList<Reply>> HandleAsync(ButtonRequest request, ButtonId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(id);
        await coach.EnterAsync(request, cancellationToken).ConfigureAwait(false);
        var session = id.Part(0);
        var owner = session is null ? null : sessions.OwnerOf(session);
        if (owner is null)
        {
            return Reply.One(Reply.Ephemeral(Ended));
        }

        if (owner != request.Context.User.Key)
        {
            return Reply.One(Reply.Ephemeral(NotYours));
        }

        if (id.Part(2) != "A")
        {
            return Reply.One(new Reply { Text = "Not quite: indexes speed up reads.", Placement = ReplyPlacement.UpdateSource });
        }

        return Reply.One(new Reply
        {
            Title = "Quiz · Question 1/5",
            Text = "Correct! Indexes speed up reads.",
            Placement = ReplyPlacement.UpdateSource,
            Buttons = [new ReplyButton(ButtonId.Create("quiz", session!, "0", "A"), "Reads", ButtonStyle.Success, Disabled: true)],
        });
    }
}
