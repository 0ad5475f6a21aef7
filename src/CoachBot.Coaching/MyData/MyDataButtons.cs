using System.Globalization;
using CoachBot.Core.Commands;
using CoachBot.Core.Conversations;

namespace CoachBot.Coaching.MyData;

/// <summary>
/// The confirm and cancel buttons of <c>/mydata delete</c>: <c>mydata:confirm:&lt;owner tag&gt;:&lt;issued, unix minutes&gt;</c>
/// and <c>mydata:cancel:&lt;owner tag&gt;</c>. The tag (<see cref="ButtonOwner"/>) ties a button to the member it was
/// offered to; a click by anyone else, a malformed or altered id, or a confirmation older than
/// <see cref="ConfirmationLifetime"/> deletes nothing.
/// </summary>
public static class MyDataButtons
{
    public const string Feature = "mydata";
    public const string ConfirmAction = "confirm";
    public const string CancelAction = "cancel";

    public static readonly TimeSpan ConfirmationLifetime = TimeSpan.FromMinutes(10);

    public static string Confirm(UserIdentity user, DateTimeOffset issuedAt) =>
        ButtonId.Create(Feature, ConfirmAction, ButtonOwner.Tag(user), (issuedAt.ToUnixTimeSeconds() / 60).ToString(CultureInfo.InvariantCulture));

    public static string Cancel(UserIdentity user) => ButtonId.Create(Feature, CancelAction, ButtonOwner.Tag(user));

    /// <summary>When the confirmation in <paramref name="id"/> was issued, or null when the id is not a well-formed confirm id.</summary>
    public static DateTimeOffset? IssuedAt(ButtonId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return id.Parts.Count == 3 && id.Part(0) == ConfirmAction
            && long.TryParse(id.Part(2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            && minutes < long.MaxValue / 60 / 1000
            ? DateTimeOffset.FromUnixTimeSeconds(minutes * 60)
            : null;
    }
}
