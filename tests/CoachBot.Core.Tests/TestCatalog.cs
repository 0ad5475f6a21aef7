using CoachBot.Core.Conversations;

namespace CoachBot.Core.Tests;

/// <summary>Small command handlers that record what they received, for testing parsing and dispatch.</summary>
internal sealed class RecordingCommand(CommandDefinition definition) : ICommandHandler
{
    public CommandDefinition Definition { get; } = definition;

    public List<CommandRequest> Received { get; } = [];

    public Func<CommandRequest, IReadOnlyList<Reply>>? Respond { get; set; }

    public Task<IReadOnlyList<Reply>> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        Received.Add(request);
        return Task.FromResult(Respond?.Invoke(request) ?? Reply.One(Reply.Public("ok")));
    }
}

internal static class TestCatalog
{
    public static CommandDefinition Quiz { get; } = new("quiz", "Start a quiz")
    {
        Options =
        [
            new CommandOption("skill", "Skill to practise"),
            new CommandOption("questions", "How many", CommandOptionType.Number) { MinValue = 3, MaxValue = 10 },
            new CommandOption("difficulty", "How hard")
            {
                Choices = [new OptionChoice("Easy", "easy"), new OptionChoice("Medium", "medium"), new OptionChoice("Hard", "hard")],
            },
        ],
    };

    public static CommandDefinition Ask { get; } = new("ask", "Ask a question")
    {
        Options = [new CommandOption("question", "Your question") { Required = true, TakesRest = true }],
    };

    public static CommandDefinition Challenge { get; } = new("challenge", "Weekly challenges")
    {
        Subcommands =
        [
            new CommandDefinition("submit", "Submit") { Options = [new CommandOption("entry", "Text or link") { Required = true, TakesRest = true }] },
            new CommandDefinition("post", "Post") { ModeratorOnly = true, Options = [new CommandOption("title", "Title")] },
            new CommandDefinition("current", "Show the current challenge"),
        ],
    };

    public static CommandContext Context(bool moderator = false) => new()
    {
        User = new UserIdentity(ChatPlatform.Discord, "42", "Ada"),
        Conversation = new ConversationKey(ChatPlatform.Discord, "g1", "c1"),
        IsModerator = moderator,
    };

    public static CommandCatalog Catalog(params ICommandHandler[] handlers) => new(handlers);
}
