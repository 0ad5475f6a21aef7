using System.Globalization;
using CoachBot.Coaching.Interview.Bank;
using CoachBot.Coaching.Interview.Flow;
using CoachBot.Core.Commands;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies;

namespace CoachBot.Coaching.Interview;

/// <summary>Clicks on the track picker: the owner's click closes the picker and starts that interview as if typed.</summary>
public sealed class InterviewPickerButtonHandler(InterviewService interviews) : IButtonHandler
{
    public string Feature => InterviewPicker.Feature;

    public async Task<IReadOnlyList<Reply>> HandleAsync(ButtonRequest request, ButtonId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(id);
        if (id.Parts.Count != 5 || id.Part(0) != InterviewPicker.PickAction
            || InterviewTracks.Normalize(id.Part(1)) != id.Part(1)
            || (id.Part(2) != InterviewPicker.DefaultLevel && !InterviewLevels.TryParse(id.Part(2), out _))
            || !int.TryParse(id.Part(3), NumberStyles.None, CultureInfo.InvariantCulture, out var questions)
            || questions > InterviewOptions.MaxQuestions)
        {
            return Reply.One(Reply.Ephemeral("That interview button isn't one I recognise. Nothing was changed. Type `/interview` to start."));
        }

        if (!ButtonOwner.Is(id.Part(4), request.Context.User))
        {
            return Reply.One(Reply.Ephemeral("That track picker was opened by someone else. Type `/interview` to get your own."));
        }

        var track = id.Part(1)!;
        var level = id.Part(2) == InterviewPicker.DefaultLevel ? null : id.Part(2);
        var started = await interviews.StartAsync(request.Context, level, track, questions == 0 ? null : questions, cancellationToken);
        return [InterviewPicker.Closed(track), .. started];
    }
}
