using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CoachBot.Core.Tests.Dispatch;

public class CoachDispatcherTests
{
    private readonly RecordingCommand _challenge = new(TestCatalog.Challenge);
    private readonly RecordingCommand _ask = new(TestCatalog.Ask);

    private CoachDispatcher CreateDispatcher(IEnumerable<IMessageHandler>? messages = null, IEnumerable<IButtonHandler>? buttons = null, ILogger<CoachDispatcher>? logger = null) =>
        new(
            TestCatalog.Catalog(_challenge, _ask),
            messages ?? [],
            buttons ?? [],
            [],
            Options.Create(new DispatchOptions { MaxInputLength = 200 }),
            logger ?? NullLogger<CoachDispatcher>.Instance);

    private static CommandRequest Command(string name, string? sub, bool moderator, params (string Key, string Value)[] options) =>
        new(TestCatalog.Context(moderator), name, sub, options.ToDictionary(o => o.Key, o => o.Value));

    [Fact]
    public async Task DispatchAsync_ModeratorSubcommandFromMember_IsRefusedAndHandlerNotCalled()
    {
        var dispatcher = CreateDispatcher();

        var replies = await dispatcher.DispatchAsync(Command("challenge", "post", moderator: false, ("title", "x")), CancellationToken.None);

        var reply = Assert.Single(replies);
        Assert.Equal(ReplyVisibility.Ephemeral, reply.Visibility);
        Assert.Contains("only community moderators", reply.Text, StringComparison.Ordinal);
        Assert.Empty(_challenge.Received);
    }

    [Fact]
    public async Task DispatchAsync_ModeratorSubcommandFromModerator_ReachesHandler()
    {
        var dispatcher = CreateDispatcher();

        await dispatcher.DispatchAsync(Command("challenge", "post", moderator: true, ("title", "x")), CancellationToken.None);

        Assert.Single(_challenge.Received);
    }

    [Fact]
    public async Task DispatchAsync_MemberSubcommand_IsAllowedForEveryone()
    {
        var dispatcher = CreateDispatcher();

        await dispatcher.DispatchAsync(Command("challenge", "submit", moderator: false, ("entry", "my link")), CancellationToken.None);

        Assert.Single(_challenge.Received);
    }

    [Fact]
    public async Task DispatchAsync_HandlerThrows_ReturnsApologyWithReferenceInsteadOfThrowing()
    {
        _ask.Respond = _ => throw new InvalidOperationException("database on fire: secret=hunter2");
        var dispatcher = CreateDispatcher();

        var replies = await dispatcher.DispatchAsync(Command("ask", null, false, ("question", "hi")), CancellationToken.None);

        var reply = Assert.Single(replies);
        Assert.StartsWith(Apology.Text + " (ref ", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DispatchAsync_OverlongOption_IsRefusedWithTheLimit()
    {
        var dispatcher = CreateDispatcher();

        var replies = await dispatcher.DispatchAsync(Command("ask", null, false, ("question", new string('a', 500))), CancellationToken.None);

        Assert.Contains("200 characters at most", Assert.Single(replies).Text, StringComparison.Ordinal);
        Assert.Empty(_ask.Received);
    }

    [Fact]
    public async Task DispatchAsync_OptionsAreCleanedBeforeTheHandlerSeesThem()
    {
        var dispatcher = CreateDispatcher();

        await dispatcher.DispatchAsync(Command("ask", null, false, ("question", "  what\u200B is   CI? ")), CancellationToken.None);

        Assert.Equal("what is CI?", _ask.Received.Single().Option("question"));
    }

    [Fact]
    public async Task DispatchAsync_UnknownCommand_ListsKnownCommands()
    {
        var dispatcher = CreateDispatcher();

        var replies = await dispatcher.DispatchAsync(Command("dance", null, false), CancellationToken.None);

        Assert.Contains("/ask", Assert.Single(replies).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("quiz:abc:1:2")]
    [InlineData("not a button")]
    [InlineData("")]
    public async Task DispatchAsync_ButtonWithUnknownFeatureOrMalformedId_IsRefusedPolitely(string raw)
    {
        var dispatcher = CreateDispatcher();

        var replies = await dispatcher.DispatchAsync(new ButtonRequest(TestCatalog.Context(), raw), CancellationToken.None);

        var reply = Assert.Single(replies);
        Assert.Equal(ReplyVisibility.Ephemeral, reply.Visibility);
        Assert.Contains("Nothing was changed", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DispatchAsync_Message_GoesToTheFirstHandlerThatClaimsIt()
    {
        var passing = new OrderedMessageHandler(10, claim: false);
        var claiming = new OrderedMessageHandler(20, claim: true);
        var fallback = new OrderedMessageHandler(1000, claim: true);
        var dispatcher = CreateDispatcher(messages: [fallback, claiming, passing]);

        await dispatcher.DispatchAsync(new MessageRequest(TestCatalog.Context(), "hello", MessageOrigin.Direct), CancellationToken.None);

        Assert.Equal(1, passing.Calls);
        Assert.Equal(1, claiming.Calls);
        Assert.Equal(0, fallback.Calls);
    }

    [Fact]
    public async Task HelpCommand_ListsEveryRegisteredCommandWithUsage()
    {
        var services = new ServiceCollection().AddLogging()
            .AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build())
            .AddCoachCore();
        services.AddSingleton<ICommandHandler>(_ask);
        await using var provider = services.BuildServiceProvider();
        var dispatcher = provider.GetRequiredService<CoachDispatcher>();

        var replies = await dispatcher.DispatchAsync(Command("help", null, false), CancellationToken.None);

        var text = Assert.Single(replies).Text;
        Assert.Contains("`/ask <question>`", text, StringComparison.Ordinal);
        Assert.Contains("`/help [command]`", text, StringComparison.Ordinal);
    }

    private sealed class OrderedMessageHandler(int order, bool claim) : IMessageHandler
    {
        public int Order { get; } = order;

        public int Calls { get; private set; }

        public Task<IReadOnlyList<Reply>?> TryHandleAsync(MessageRequest request, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult<IReadOnlyList<Reply>?>(claim ? Reply.One(Reply.Public("mine")) : null);
        }
    }
}
