using System.Globalization;
using CoachBot.Hosting;
using CoachBot.Testing.FakeDiscord;
using CoachBot.Testing.FakeOpenAi;
using CoachBot.Testing.FakeSlack;
using Microsoft.Extensions.Hosting;

namespace CoachBot.LoadTest;

/// <summary>
/// The real CoachBot host (CoachHostFactory.Build, the same composition root as <c>dotnet run --project src/CoachBot</c>)
/// pointed at the fake Discord, fake Slack and a slow fake OpenAI endpoint, all on 127.0.0.1 in this process.
/// Storage is a SQLite file in a temp folder deleted afterwards.
/// </summary>
internal sealed class BotUnderTest : IAsyncDisposable
{
    private readonly string _dataDirectory;

    private BotUnderTest(FakeOpenAiServer llm, FakeDiscordServer? discord, FakeSlackServer? slack, IHost host, string dataDirectory)
    {
        Llm = llm;
        Discord = discord;
        Slack = slack;
        Host = host;
        _dataDirectory = dataDirectory;
    }

    public FakeOpenAiServer Llm { get; }

    public FakeDiscordServer? Discord { get; }

    public FakeSlackServer? Slack { get; }

    public IHost Host { get; }

    public static async Task<BotUnderTest> StartAsync(LoadTestOptions options, string repositoryRoot)
    {
        var llm = await FakeOpenAiServer.StartAsync();
        var delay = TimeSpan.FromMilliseconds(options.LlmDelayMs);
        llm.Responder = _ => FakeChatResponse.Delayed(delay, FakeChatResponse.Text(
            "Start with one language and a relational database, then build and deploy a small API [P1]. "
            + "Practise SQL and HTTP fundamentals as you go [P1]."));
        var discord = options.Discord ? await FakeDiscordServer.StartAsync(new FakeDiscordOptions { HeartbeatIntervalMs = 41_250 }) : null;
        var slack = options.Slack ? await FakeSlackServer.StartAsync() : null;
        if (slack is not null)
        {
            slack.RedeliverUnacked = false;
        }

        var dataDirectory = Path.Combine(Path.GetTempPath(), "coachbot-load-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var args = new List<string>
        {
            "--Llm:Endpoint=" + llm.BaseUrl,
            "--Llm:ChatModel=fake",
            "--Llm:TimeoutSeconds=30",
            "--Knowledge:Path=" + Path.Combine(repositoryRoot, "knowledge"),
            "--Storage:DataDirectory=" + dataDirectory,
            "--Terminal:Enabled=false",
            "--Challenges:SchedulerEnabled=false",
            "--RateLimits:PerUserPerMinute=100000",
            "--RateLimits:PerCommunityPerMinute=1000000",
            // Console logging of every interaction would dominate the measurement; warnings and errors still show.
            "--Logging:LogLevel:Default=Warning",
        };
        if (discord is not null)
        {
            args.Add("--Discord:Token=" + discord.Options.Token);
            args.Add("--Discord:ApiBaseUrl=" + discord.ApiBaseUrl);
        }

        if (slack is not null)
        {
            args.Add("--Slack:BotToken=" + slack.Options.BotToken);
            args.Add("--Slack:AppToken=" + slack.Options.AppToken);
            args.Add("--Slack:ApiBaseUrl=" + slack.ApiBaseUrl);
        }

        var prompts = Path.Combine(repositoryRoot, "prompts");
        if (Directory.Exists(prompts))
        {
            args.Add("--Llm:PromptsPath=" + prompts);
        }

        var host = CoachHostFactory.Build([.. args]);
        await host.StartAsync();
        var bot = new BotUnderTest(llm, discord, slack, host, dataDirectory);
        if (discord is not null)
        {
            await discord.WaitForSessionAsync(TimeSpan.FromSeconds(30));
        }

        if (slack is not null)
        {
            await slack.WaitForConnectionAsync(1, TimeSpan.FromSeconds(30));
        }

        return bot;
    }

    public static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CoachBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("Run the load tool from inside the CoachBot repository (no CoachBot.sln found above the current folder).");
    }

    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15)))
        {
            try
            {
                await Host.StopAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                await Console.Error.WriteLineAsync("warning: the host did not stop within 15 s");
            }
        }

        Host.Dispose();
        if (Discord is not null)
        {
            await Discord.DisposeAsync();
        }

        if (Slack is not null)
        {
            await Slack.DisposeAsync();
        }

        await Llm.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"note: could not delete {_dataDirectory}"));
        }
    }
}
