using CoachBot.Coaching.Interview.Bank;
using CoachBot.Coaching.Interview.Flow;
using CoachBot.Core.Commands;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies;

namespace CoachBot.Coaching.Interview;

/// <summary>
/// <c>/interview start [level] [track] [questions]</c>, <c>/interview skip</c>, <c>/interview end</c>. Typed text may
/// leave out "start" (<c>/interview junior databases 5</c>): it is the default subcommand. Discord shows the three
/// subcommands; Slack and the terminal parse the text with the same definition.
/// </summary>
public sealed class InterviewCommand(InterviewService interviews) : ICommandHandler
{
    public const string Name = "interview";
    public const string Start = "start";
    public const string Skip = "skip";
    public const string End = "end";

    public CommandDefinition Definition { get; } = new(Name, "Practise a mock interview: one question at a time, feedback on every answer")
    {
        DefaultSubcommand = Start,
        Subcommands =
        [
            new CommandDefinition(Start, "Start a mock interview in this thread or DM")
            {
                Options =
                [
                    new CommandOption("level", "junior, mid, senior or lead")
                    {
                        Choices = [.. InterviewLevels.All.Select(l => new OptionChoice(InterviewLevels.Display(l), InterviewLevels.Name(l)))],
                    },
                    new CommandOption("track", "Topic: fundamentals, databases, apis, security, system-design, … (default: mixed)")
                    {
                        Choices =
                        [
                            .. InterviewTracks.All.Select(t => new OptionChoice(InterviewTracks.Display(t), t)),
                            new OptionChoice(InterviewTracks.Display(InterviewTracks.Mixed), InterviewTracks.Mixed),
                        ],
                    },
                    new CommandOption("questions", "How many questions (3–8, default 5)", CommandOptionType.Number)
                    {
                        MinValue = InterviewOptions.MinQuestions,
                        MaxValue = InterviewOptions.MaxQuestions,
                    },
                ],
            },
            new CommandDefinition(Skip, "Skip the current interview question"),
            new CommandDefinition(End, "End the interview now and get the summary"),
        ],
        Examples = ["/interview junior databases 5", "/interview start level:senior track:system-design", "/interview skip", "/interview end"],
    };

    /// <summary>Starting without a track answers with the track picker, for the caller only.</summary>
    public ReplyVisibility FirstReplyVisibility(CommandRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var starts = request.Subcommand is null || string.Equals(request.Subcommand, Start, StringComparison.OrdinalIgnoreCase);
        return starts && request.Option("track") is null ? ReplyVisibility.Ephemeral : ReplyVisibility.Public;
    }

    public Task<IReadOnlyList<Reply>> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (request.Subcommand ?? Start).ToLowerInvariant() switch
        {
            Skip => interviews.SkipAsync(request.Context, cancellationToken),
            End => interviews.EndAsync(request.Context, cancellationToken),
            _ => interviews.StartAsync(request.Context, request.Option("level"), request.Option("track"), request.IntOption("questions"), cancellationToken),
        };
    }
}
