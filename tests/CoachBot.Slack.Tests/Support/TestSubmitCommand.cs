using CoachBot.Core.Commands;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies;

namespace CoachBot.Slack.Tests.Support;

/// <summary>/submit opens a form; submitting it (form id "challenge:c1") is answered in the channel.</summary>
public sealed class TestSubmitCommand(TestCoach coach) : ICommandHandler, IFormHandler
{
    public CommandDefinition Definition { get; } = new("submit", "Submit a challenge answer");

    public string Feature => "challenge";

    public Task<IReadOnlyList<Reply>> HandleAsync(CommandRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(Reply.One(new Reply
        {
            Text = "Opening the form",
            Form = new FormRequest("challenge:c1", "Submit your answer", [new FormField("answer", "Your answer", Multiline: true)], "Reply with `/challenge submit <answer>` instead."),
        }));

    public async Task<IReadOnlyList<Reply>> HandleAsync(FormSubmitRequest request, CancellationToken cancellationToken)
    {
        await coach.EnterAsync(request, cancellationToken);
        return Reply.One(Reply.Public("Thanks, received: " + request.Fields.GetValueOrDefault("answer")));
    }
}
