namespace CoachBot.Testing.StandIns;

/// <summary>Answers any message with its own text and a source, asking for a thread (as the ask feature does).</summary>
public sealed class StandInMessageHandler(StandInCoach coach) : IMessageHandler
{
    public int Order => 0;

    public async Task<IReadOnlyList<Reply>?> TryHandleAsync(MessageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await coach.EnterAsync(request, cancellationToken).ConfigureAwait(false);
        await coach.AskModelAsync(cancellationToken).ConfigureAwait(false);
        return Reply.One(new Reply
        {
            Text = "You said: " + request.Text,
            Placement = ReplyPlacement.Thread,
            Sources = [new Citation("careers", "Career paths", ["Getting started"])],
        });
    }
}
