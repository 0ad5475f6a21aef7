using CoachBot.Coaching.Interview.Bank;
using CoachBot.Core.Commands;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies;

namespace CoachBot.Coaching.Roadmap;

/// <summary><c>/roadmap [target-level]</c>: your next 3–5 steps, weakest first, each with the guide section to read.</summary>
public sealed class RoadmapCommand(RoadmapService roadmap) : ICommandHandler
{
    public const string Name = "roadmap";
    public const string TargetOption = "target-level";

    public CommandDefinition Definition { get; } = new(Name, "Your next steps towards a level, weakest first, with what to read and take")
    {
        Options =
        [
            new CommandOption(TargetOption, "The level to aim for (default: the first one you haven't got solid yet)")
            {
                Choices = InterviewLevels.All.Select(l => new OptionChoice(InterviewLevels.Display(l), InterviewLevels.Name(l))).ToList(),
            },
        ],
        Examples = ["/roadmap", "/roadmap senior"],
    };

    public ReplyVisibility FirstReplyVisibility(CommandRequest request) => ReplyVisibility.Ephemeral;

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        InterviewLevel? target = null;
        if (request.Option(TargetOption) is { } typed)
        {
            if (!InterviewLevels.TryParse(typed, out target))
            {
                return Reply.One(Reply.Ephemeral("Pick a level: `junior`, `mid`, `senior` or `lead` (e.g. `/roadmap senior`), or leave it out."));
            }
        }

        return Reply.One(await roadmap.RoadmapAsync(request.Context, target, cancellationToken));
    }
}
