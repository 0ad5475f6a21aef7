using CoachBot.Core.Conversations;
using CoachBot.Dashboard;
using CoachBot.Dashboard.SignIn;
using CoachBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CoachBot.Host.Tests.Dashboard;

/// <summary>/dashboard at the terminal: no web server runs, so the command starts one on Http:Urls and prints the link.</summary>
public sealed class TerminalDashboardTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "coachbot-e2e-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture));

    [Fact]
    public async Task Dashboard_AtTheTerminal_StartsTheWebServer_AndItsLinkSignsTheOperatorIn()
    {
        await using var services = CoachCommandLine.BuildServices(["--Storage:DataDirectory=" + _dataDirectory, "--Http:Urls=http://127.0.0.1:0"]);
        await services.GetRequiredService<IStorageInitializer>().InitializeAsync(CancellationToken.None);
        await using var server = new TerminalDashboardServer(services, services.GetRequiredService<IConfiguration>());
        var command = new DashboardCommand(services.GetRequiredService<DashboardLinks>(), services.GetRequiredService<IOptions<DashboardUrlOptions>>(), server);
        var context = new CommandContext
        {
            User = new UserIdentity(ChatPlatform.Terminal, "local-user", "tester"),
            Conversation = ConversationKey.Terminal,
            IsModerator = true,
            IsDirect = true,
            IsLocalOperator = true,
        };

        var reply = Assert.Single(await command.HandleAsync(new CommandRequest(context, DashboardCommand.Name, null, new Dictionary<string, string>()), CancellationToken.None));
        var link = new Uri(Regex.Match(reply.Text!, @"http://\S+/dashboard/sign-in/\S+").Value);
        using var client = new DashboardClient(new Uri(link.GetLeftPart(UriPartial.Authority)));
        using var signIn = await client.SignInAsync(link);
        var overview = await client.GetTextAsync("/dashboard");

        Assert.Equal(ReplyVisibility.Ephemeral, reply.Visibility);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("terminal:local", overview, StringComparison.Ordinal);
        Assert.Equal(link.Authority, (await server.EnsureRunningAsync(CancellationToken.None)).Authority);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
