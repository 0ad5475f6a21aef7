using CoachBot.Core.Commands;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies;

namespace CoachBot.Slack.Tests.Support;

/// <summary>/quiz [skill] [questions]: posts a question with answer buttons whose ids name a server-side session.</summary>
public sealed class TestQuizCommand(TestCoach coach, TestQuizSessions sessions) : ICommandHandler
{
    public CommandDefinition Definition { get; } = new("quiz", "Start a quiz")
    {
        Options =
        [
            new CommandOption("skill", "Topic") { Choices = [new("Databases", "databases"), new("Caching", "caching")] },
            new CommandOption("questions", "How many", CommandOptionType.Number) { MinValue = 1, MaxValue = 10 },
        ],
    };

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        await coach.EnterAsync(request, cancellationToken);
        var session = "s" + (sessions.Owners.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        sessions.Owners[session] = request.Context.User.Key;
        return Reply.One(new Reply
        {
            Title = "Quiz · Question 1/" + (request.IntOption("questions") ?? 5).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Text = "*What does an index speed up?*",
            Buttons =
            [
                new ReplyButton(ButtonId.Create("quiz", session, "0", "A"), "Reads", ButtonStyle.Primary),
                new ReplyButton(ButtonId.Create("quiz", session, "0", "B"), "Writes"),
                new ReplyButton(ButtonId.Create("quiz", session, "0", "skip"), "Skip", ButtonStyle.Danger),
            ],
        });
    }
}
