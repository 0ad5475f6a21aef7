using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CoachBot.Core.Tests.Dispatch;

public class DispatchScreeningTests
{
    private readonly RecordingCommand _challenge = new(TestCatalog.Challenge);
    private readonly PrivateCommand _private = new();

    private CoachDispatcher CreateDispatcher() =>
        new(
            TestCatalog.Catalog(_challenge, _private),
            [],
            [],
            [],
            Options.Create(new DispatchOptions { MaxInputLength = 200 }),
            NullLogger<CoachDispatcher>.Instance);

    private static CommandRequest Command(string name, string? sub, bool moderator, params (string Key, string Value)[] options) =>
        new(TestCatalog.Context(moderator), name, sub, options.ToDictionary(o => o.Key, o => o.Value));

    [Fact]
    public async Task Screen_MembersModeratorSubcommand_IsRefusedPrivatelyBeforeAnyWork()
    {
        var screening = await CreateDispatcher().ScreenAsync(Command("challenge", "post", moderator: false), CancellationToken.None);

        Assert.True(screening.IsRefused);
        Assert.Equal(ReplyVisibility.Ephemeral, screening.FirstReplyVisibility);
        Assert.Contains("only community moderators", Assert.Single(screening.Refusal!).Text, StringComparison.Ordinal);
        Assert.Empty(_challenge.Received);
    }

    [Fact]
    public async Task DispatchAsync_OfARefusedScreening_ReturnsTheRefusalWithoutCallingTheHandler()
    {
        var dispatcher = CreateDispatcher();
        var screening = await dispatcher.ScreenAsync(Command("challenge", "nosuch", moderator: true), CancellationToken.None);

        var replies = await dispatcher.DispatchAsync(screening, CancellationToken.None);

        Assert.Same(screening.Refusal, replies);
        Assert.Empty(_challenge.Received);
    }

    [Fact]
    public async Task Screen_CommandDeclaringAPrivateFirstReply_IsAcceptedAsPrivate()
    {
        var screening = await CreateDispatcher().ScreenAsync(Command("secret", null, moderator: false, ("x", "  y ")), CancellationToken.None);

        Assert.False(screening.IsRefused);
        Assert.Equal(ReplyVisibility.Ephemeral, screening.FirstReplyVisibility);
        Assert.Equal("y", ((CommandRequest)screening.Request).Option("x"));
    }

    [Fact]
    public async Task Screen_OrdinaryCommand_IsAcceptedAsPublic()
    {
        var screening = await CreateDispatcher().ScreenAsync(Command("challenge", "current", moderator: false), CancellationToken.None);

        Assert.False(screening.IsRefused);
        Assert.Equal(ReplyVisibility.Public, screening.FirstReplyVisibility);
    }

    [Fact]
    public async Task Screen_UnknownButtonFeature_IsRefusedPrivately()
    {
        var screening = await CreateDispatcher().ScreenAsync(new ButtonRequest(TestCatalog.Context(), "nofeature:1"), CancellationToken.None);

        Assert.True(screening.IsRefused);
        Assert.Equal(ReplyVisibility.Ephemeral, Assert.Single(screening.Refusal!).Visibility);
    }

    private sealed class PrivateCommand : ICommandHandler
    {
        public CoachBot.Core.Commands.CommandDefinition Definition { get; } = new("secret", "Private") { Options = [new("x", "X")] };

        public ReplyVisibility FirstReplyVisibility(CommandRequest request) => ReplyVisibility.Ephemeral;

        public Task<IReadOnlyList<Reply>> HandleAsync(CommandRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(Reply.One(Reply.Ephemeral("psst")));
    }
}
