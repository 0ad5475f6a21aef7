using CoachBot.Core.Conversations;

namespace CoachBot.Host.Tests.Dashboard;

/// <summary><c>dashboard-link --community platform:id</c>: the operator's link, printed; bad input refused cleanly.</summary>
public sealed class DashboardLinkCommandTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "coachbot-e2e-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture));

    [Fact]
    public async Task DashboardLink_PrintsASignInLinkToThePublicBaseUrl()
    {
        var (code, output, _) = await RunAsync("dashboard-link", "--community", "discord:123456789", "--Http:PublicBaseUrl=https://coach.example.org/");

        Assert.Equal(0, code);
        Assert.Matches(@"^https://coach\.example\.org/dashboard/sign-in/[A-Za-z0-9_-]{43}\s*$", output);
    }

    [Fact]
    public async Task DashboardLink_WithoutAPlatform_IsRefusedWithUsage()
    {
        var (code, _, error) = await RunAsync("dashboard-link", "--community", "123456789");

        Assert.Equal(1, code);
        Assert.Contains("platform:id", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInvalidPublicBaseUrl_StopsTheStartNamingTheKey()
    {
        var (code, _, error) = await RunAsync("dashboard-link", "--community", "discord:1", "--Http:PublicBaseUrl=ftp://coach.example.org");

        Assert.Equal(CoachCommandLine.ConfigurationError, code);
        Assert.Contains("Http:PublicBaseUrl", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_FromAChatIdentityWithTheOperatorsId_IssuesNoLink()
    {
        await using var services = CoachCommandLine.BuildServices(["--Storage:DataDirectory=" + _dataDirectory, "--Http:PublicBaseUrl=https://coach.example.org/"]);
        await services.GetRequiredService<CoachBot.Storage.IStorageInitializer>().InitializeAsync(CancellationToken.None);
        var command = new CoachBot.Dashboard.SignIn.DashboardCommand(
            services.GetRequiredService<CoachBot.Dashboard.SignIn.DashboardLinks>(),
            services.GetRequiredService<Microsoft.Extensions.Options.IOptions<CoachBot.Dashboard.DashboardUrlOptions>>());
        var context = new CommandContext
        {
            User = new UserIdentity(ChatPlatform.Slack, CoachBot.Dashboard.SignIn.DashboardGrant.OperatorUserId, "operator"),
            Conversation = new ConversationKey(ChatPlatform.Slack, "T0123ABCD", "C0123"),
            IsModerator = true,
        };

        var reply = Assert.Single(await command.HandleAsync(new CommandRequest(context, "dashboard", null, new Dictionary<string, string>()), CancellationToken.None));

        Assert.DoesNotContain("/dashboard/sign-in/", reply.Text, StringComparison.Ordinal);
        Assert.Contains("only community moderators", reply.Text, StringComparison.Ordinal);
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = await CoachCommandLine.Create(output, error).Parse([.. args, "--Storage:DataDirectory=" + _dataDirectory]).InvokeAsync();
        return (code, output.ToString(), error.ToString());
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
            // Best effort (also: nothing was created).
        }
    }
}
