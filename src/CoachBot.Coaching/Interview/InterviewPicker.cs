using System.Globalization;
using CoachBot.Coaching.Interview.Bank;
using CoachBot.Core.Commands;
using CoachBot.Core.Replies;

namespace CoachBot.Coaching.Interview;

/// <summary>
/// <c>/interview</c> without a track: a private picker with one button per track plus "mixed topics". Ids are
/// <c>interview:pick:&lt;track|mixed&gt;:&lt;level|default&gt;:&lt;questions, 0 = default&gt;:&lt;owner tag&gt;</c>; they are
/// untrusted and re-checked (owner, track, level) when clicked.
/// </summary>
public static class InterviewPicker
{
    public const string Feature = "interview";
    public const string PickAction = "pick";
    public const string DefaultLevel = "default";

    public static Reply Create(InterviewLevel? level, int? questions, string ownerTag)
    {
        var levelPart = level is { } l ? InterviewLevels.Name(l) : DefaultLevel;
        var count = (questions ?? 0).ToString(CultureInfo.InvariantCulture);
        var buttons = InterviewTracks.All.Append(InterviewTracks.Mixed)
            .Select(track => new ReplyButton(
                ButtonId.Create(Feature, PickAction, track, levelPart, count, ownerTag),
                Capitalise(InterviewTracks.Display(track)),
                track == InterviewTracks.Mixed ? ButtonStyle.Primary : ButtonStyle.Secondary))
            .ToList();
        return new Reply
        {
            Title = "Pick an interview track",
            Text = "Which topic should the mock interview cover? Pick one, or a mix of all of them."
                + "\n\nTyping works too: `/interview junior databases 5`.",
            Buttons = buttons,
            Visibility = ReplyVisibility.Ephemeral,
        };
    }

    /// <summary>Replaces the picker once a track was chosen, so its buttons can't start a second interview.</summary>
    public static Reply Closed(string track) => new()
    {
        Text = $"Starting a mock interview on **{InterviewTracks.Display(track)}**.",
        Visibility = ReplyVisibility.Ephemeral,
        Placement = ReplyPlacement.UpdateSource,
    };

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
