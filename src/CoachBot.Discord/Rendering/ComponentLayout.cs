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
