using System.Globalization;
using CoachBot.Core.Conversations;
using CoachBot.Core.Replies;
using CoachBot.Storage.MemberData;

namespace CoachBot.Coaching.MyData;

/// <summary>Builds the replies of <c>/mydata</c>: the export file, the confirmation, the deletion.</summary>
public sealed class MyDataService(IMemberDataStore store, TimeProvider time)
{
    public async Task<Reply> ExportAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = time.GetUtcNow();
        var export = await store.ExportAsync(context.User, now, cancellationToken);
        var file = new ReplyAttachment(
            string.Create(CultureInfo.InvariantCulture, $"coachbot-data-{now:yyyyMMdd-HHmmss}.json"),
            "application/json",
            export.ToJsonUtf8(),
            "Everything the coach stores about you, as JSON");
        var tables = export.Tables.Count == 0
            ? "Nothing is stored about you yet."
            : string.Join('\n', export.Tables.Select(t => string.Create(CultureInfo.InvariantCulture, $"- `{t.Key}`: {t.Value.Count}")));
        return new Reply
        {
            Title = "Your data",
            Text = string.Create(CultureInfo.InvariantCulture,
                $"Here is everything the coach stores about you ({export.RowCount} record{(export.RowCount == 1 ? "" : "s")}), as a JSON file:\n{tables}\n\n`/mydata delete` removes all of it."),
            Attachments = [file],
            Visibility = ReplyVisibility.Ephemeral,
        };
    }

    public Reply AskToConfirmDeletion(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new Reply
        {
            Title = "Delete your data?",
            Text = "This deletes everything the coach stores about you: quiz answers and leaderboard places, interviews, "
                + "challenge submissions and wins, reminders and settings, and pending deliveries. It cannot be undone. "
                + "Only the fact that a deletion happened is kept (no id). Want a copy first? `/mydata export`.",
            Buttons =
            [
                new ReplyButton(MyDataButtons.Confirm(context.User, time.GetUtcNow()), "Delete everything", ButtonStyle.Danger),
                new ReplyButton(MyDataButtons.Cancel(context.User), "Cancel"),
            ],
            Visibility = ReplyVisibility.Ephemeral,
        };
    }

    public async Task<Reply> DeleteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var rows = await store.DeleteAsync(context.User, time.GetUtcNow(), cancellationToken);
        return Reply.Ephemeral(rows == 0
            ? "Done. There was nothing stored about you."
            : string.Create(CultureInfo.InvariantCulture, $"Done: {rows} record{(rows == 1 ? "" : "s")} about you deleted. Using the coach again starts a fresh record."));
    }
}
