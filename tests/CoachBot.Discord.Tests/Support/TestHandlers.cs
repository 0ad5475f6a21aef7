using System.Collections.Concurrent;
using CoachBot.Core.Commands;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies;

namespace CoachBot.Discord.Tests.Support;

/// <summary>/ask that can be held on a gate, to prove the acknowledgement does not wait for the coach.</summary>
public sealed class SlowAskCommand : ICommandHandler
{
    public TaskCompletionSource? Gate { get; set; }

    public TaskCompletionSource<CommandRequest> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Finished { get; private set; }

    public CommandDefinition Definition { get; } = new("ask", "Ask the coach a question about backend engineering")
    {
        Options = [new CommandOption("question", "Your question") { Required = true, TakesRest = true }],
    };

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        Started.TrySetResult(request);
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        Finished = true;
        return Reply.One(new Reply
        {
            Title = "Indexes",
            Text = $"Answer to: {request.Option("question")}",
            Sources = [new Citation("databases", "Databases", ["Indexes", "B-trees"])],
            Placement = ReplyPlacement.Thread,
            Footer = "Answered from the guides",
        });
    }
}

/// <summary>/quiz: posts a question whose buttons name server-side state owned by the caller.</summary>
public sealed class QuizCommand(QuizSessions sessions) : ICommandHandler
{
    public CommandDefinition Definition { get; } = new("quiz", "Start a quiz")
    {
        Options =
        [
            new CommandOption("questions", "How many", CommandOptionType.Number) { MinValue = 1, MaxValue = 20 },
            new CommandOption("skill", "Which skill") { Required = true, Choices = [new OptionChoice("Databases", "databases"), new OptionChoice("APIs", "apis")] },
        ],
    };

    public Task<IReadOnlyList<Reply>> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var id = sessions.Start(request.Context.User.Key);
        return Task.FromResult(Reply.One(new Reply
        {
            Title = "Quiz · Question 1/1",
            Text = "What does an index speed up?",
            Buttons = [new ReplyButton(ButtonId.Create("quiz", id, "a"), "Reads", ButtonStyle.Primary), new ReplyButton(ButtonId.Create("quiz", id, "b"), "Writes")],
        }));
    }
}

public sealed class QuizSessions
{
    private readonly ConcurrentDictionary<string, string> _owners = new();
    private int _next;

    public string Start(string owner)
    {
        var id = "s" + Interlocked.Increment(ref _next);
        _owners[id] = owner;
        return id;
    }

    public string? OwnerOf(string id) => _owners.TryGetValue(id, out var owner) ? owner : null;
}

/// <summary>Answers quiz buttons, refusing ids that name no session or someone else's.</summary>
public sealed class QuizButtons(QuizSessions sessions) : IButtonHandler
{
    public string Feature => "quiz";

    public Task<IReadOnlyList<Reply>> HandleAsync(ButtonRequest request, ButtonId id, CancellationToken cancellationToken)
    {
        var owner = id.Part(0) is { } session ? sessions.OwnerOf(session) : null;
        if (owner is null || owner != request.Context.User.Key)
        {
            return Task.FromResult(Reply.One(Reply.Ephemeral("That quiz isn't yours (or has ended). Start your own with /quiz. Nothing was changed.")));
        }

        return Task.FromResult(Reply.One(new Reply
        {
            Text = id.Part(1) == "a" ? "Correct! Indexes speed up reads." : "Not quite: indexes speed up reads.",
            Placement = ReplyPlacement.UpdateSource,
        }));
    }
}

/// <summary>/post: moderators only.</summary>
public sealed class PostCommand : ICommandHandler
{
    public CommandDefinition Definition { get; } = new("post", "Post this week's challenge") { ModeratorOnly = true };

    public Task<IReadOnlyList<Reply>> HandleAsync(CommandRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(Reply.One(Reply.Public("Challenge posted.")));
}

/// <summary>/long: a reply well over Discord's 2000 characters.</summary>
public sealed class LongCommand : ICommandHandler
{
    public CommandDefinition Definition { get; } = new("long", "A long answer");

    public Task<IReadOnlyList<Reply>> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var paragraphs = Enumerable.Range(1, 30).Select(i => $"Paragraph {i}: " + string.Join(' ', Enumerable.Repeat("backend", 20)));
        return Task.FromResult(Reply.One(Reply.Public(string.Join("\n\n", paragraphs))));
    }
}

/// <summary>Echoes free text, asking for a thread, and remembers every request it saw.</summary>
public sealed class EchoMessageHandler : IMessageHandler
{
    public ConcurrentQueue<MessageRequest> Seen { get; } = new();

    public int Order => 0;

    public Task<IReadOnlyList<Reply>?> TryHandleAsync(MessageRequest request, CancellationToken cancellationToken)
    {
        Seen.Enqueue(request);
        return Task.FromResult<IReadOnlyList<Reply>?>(Reply.One(new Reply
        {
            Text = "You said: " + request.Text,
            Placement = ReplyPlacement.Thread,
            Sources = [new Citation("careers", "Career paths", ["Getting started"])],
        }));
    }
}

/// <summary>/submit with no text asks for a form; the form handler echoes what was submitted.</summary>
public sealed class SubmitCommand : ICommandHandler, IFormHandler
{
    public CommandDefinition Definition { get; } = new("submit", "Submit an answer");

    public string Feature => "sub";

    public Task<IReadOnlyList<Reply>> HandleAsync(CommandRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(Reply.One(new Reply
        {
            Text = "Write your submission in the form.",
            Visibility = ReplyVisibility.Ephemeral,
            Form = new FormRequest(
                ButtonId.Create("sub", "1"),
                "Your submission",
                [new FormField("answer", "Your answer", Multiline: true) { Placeholder = "Explain your approach" }],
                "Type `/submit <answer>` instead."),
        }));

    public Task<IReadOnlyList<Reply>> HandleAsync(FormSubmitRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(Reply.One(Reply.Ephemeral("Got: " + request.Fields.GetValueOrDefault("answer"))));
}
