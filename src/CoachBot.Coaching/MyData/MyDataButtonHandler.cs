using CoachBot.Core.Commands;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies;

namespace CoachBot.Coaching.MyData;

/// <summary>Clicks on the <c>/mydata delete</c> confirmation: only the member it was offered to, only while fresh.</summary>
public sealed class MyDataButtonHandler(MyDataService data, TimeProvider time) : IButtonHandler
{
    public string Feature => MyDataButtons.Feature;

    public async Task<IReadOnlyList<Reply>> HandleAsync(ButtonRequest request, ButtonId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(id);
        var user = request.Context.User;
        if (id.Part(0) == MyDataButtons.CancelAction && id.Parts.Count == 2)
        {
            return ButtonOwner.Is(id.Part(1), user)
                ? Reply.One(Reply.Ephemeral("Cancelled: nothing was deleted."))
                : Reply.One(NotYours());
        }

        if (MyDataButtons.IssuedAt(id) is not { } issuedAt)
        {
            return Reply.One(Reply.Ephemeral("That button isn't one I recognise. Nothing was deleted. Type `/mydata delete` to start again."));
        }

        if (!ButtonOwner.Is(id.Part(1), user))
        {
            return Reply.One(NotYours());
        }

        var now = time.GetUtcNow();
        if (now - issuedAt > MyDataButtons.ConfirmationLifetime + TimeSpan.FromMinutes(1) || issuedAt - now > TimeSpan.FromMinutes(1))
        {
            return Reply.One(Reply.Ephemeral("That confirmation has expired. Nothing was deleted. Type `/mydata delete` again if you still want to."));
        }

        return Reply.One(await data.DeleteAsync(request.Context, cancellationToken));
    }

    private static Reply NotYours() =>
        Reply.Ephemeral("Those buttons were for someone else: nothing was deleted. Use `/mydata delete` for your own data.");
}
