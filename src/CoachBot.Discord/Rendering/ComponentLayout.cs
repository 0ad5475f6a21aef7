using CoachBot.Core.Commands;
using CoachBot.Discord.Models;

namespace CoachBot.Discord.Rendering;

/// <summary>
/// Lays buttons out in Discord's limits: rows of at most five, at most five rows, custom ids 1–100 characters and
/// unique within the message, labels at most 80 characters. Buttons that can't fit are dropped rather than failing the message.
/// </summary>
public static class ComponentLayout
{
    public const int ButtonsPerRow = 5;
    public const int MaxRows = 5;

    public static IReadOnlyList<ActionRowComponent> Build(IReadOnlyList<ReplyButton> buttons)
    {
        ArgumentNullException.ThrowIfNull(buttons);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rendered = buttons
            .Where(b => !string.IsNullOrEmpty(b.Id) && b.Id.Length <= ButtonId.MaxLength && seen.Add(b.Id))
            .Take(ButtonsPerRow * MaxRows)
            .Select(b => new ButtonComponent
            {
                CustomId = b.Id,
                Label = Label(b.Label),
                Style = Style(b.Style),
                Disabled = b.Disabled ? true : null,
            })
            .ToList();
        return rendered.Chunk(ButtonsPerRow).Select(row => new ActionRowComponent { Components = row }).ToList();
    }

    /// <summary>
    /// Adds the 👍 / 👎 row under the reply's own buttons (custom ids <c>fb:up|down:&lt;answer&gt;</c>), when there is room
    /// for a row.
    /// </summary>
    public static IReadOnlyList<ActionRowComponent> WithFeedback(IReadOnlyList<ActionRowComponent> rows, ReplyFeedback? feedback)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (feedback is null || rows.Count >= MaxRows)
        {
            return rows;
        }

        var row = new ActionRowComponent
        {
            Components =
            [
                new ButtonComponent { CustomId = feedback.UpButtonId, Label = ReplyFeedback.UpLabel, Style = Style(ButtonStyle.Secondary) },
                new ButtonComponent { CustomId = feedback.DownButtonId, Label = ReplyFeedback.DownLabel, Style = Style(ButtonStyle.Secondary) },
            ],
        };
        return [.. rows, row];
    }

    public static int Style(ButtonStyle style) => style switch
    {
        ButtonStyle.Primary => 1,
        ButtonStyle.Success => 3,
        ButtonStyle.Danger => 4,
        _ => 2,
    };

    private static string Label(string label)
    {
        var clean = MentionGuard.Neutralise(label.ReplaceLineEndings(" ").Trim());
        if (clean.Length == 0)
        {
            return "…";
        }

        return clean.Length <= ReplyButton.MaxLabelLength ? clean : clean[..(ReplyButton.MaxLabelLength - 1)] + "…";
    }
}
