using CoachBot.Storage;
using Microsoft.Extensions.Logging;

namespace CoachBot.Host.Tests.Abuse;

/// <summary>The feature services the terminal chat runs on (real guides, SQLite, the hostile fake LLM), shared by the terminal abuse tests.</summary>
public sealed class TerminalAbuseFixture : IAsyncLifetime
{
    private readonly string _dataDirectory =
        Path.Combine(Path.GetTempPath(), "coachbot-abuse-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture));

    public FakeOpenAiServer Llm { get; private set; } = null!;

    public ServiceProvider Services { get; private set; } = null!;

    public CapturingLoggerProvider Logs { get; } = new();

    public CoachDispatcher Dispatcher => Services.GetRequiredService<CoachDispatcher>();

    public async Task InitializeAsync()
    {
        Llm = await FakeOpenAiServer.StartAsync();
        Llm.RequiredApiKey = AbuseSecrets.LlmApiKey;
        Llm.Responder = HostileLlm.Respond;
        Services = CoachCommandLine.BuildServices(
        [
            "--Storage:DataDirectory=" + _dataDirectory,
            "--Llm:Endpoint=" + Llm.BaseUrl,
            "--Llm:ChatModel=fake-model",
            "--Llm:ApiKey=" + AbuseSecrets.LlmApiKey,
            "--Llm:TimeoutSeconds=30",
            "--Logging:LogLevel:Default=Information",
            "--Logging:LogLevel:Microsoft.EntityFrameworkCore=Warning",
            "--Logging:Console:LogLevel:Default=None",
        ]);
        Services.GetRequiredService<ILoggerFactory>().AddProvider(Logs);
        await Services.GetRequiredService<IStorageInitializer>().InitializeAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await Llm.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}

/// <summary>
/// Every text and command entry of the hostile corpus typed into the terminal chat: as a question, after /ask, and as
/// an interview answer; commands as typed lines. Each line gets a printed reply, no reply prints a control character
/// (escape sequences could drive the operator's terminal), no secret is printed, sent to the model or logged, nothing
/// is logged as an error, and a whole scripted session of them runs to its end.
/// </summary>
public sealed class TerminalAbuseTests(TerminalAbuseFixture fixture) : IClassFixture<TerminalAbuseFixture>
{
    private const string ProbeQuestion = "What should I learn first to become a backend developer?";

    public static TheoryData<string> Categories => HostileCorpus.CategoriesOf(HostileInput.TextKind, HostileInput.CommandKind);

    [Theory]
    [MemberData(nameof(Categories))]
    public async Task HostileLines_InTheTerminal_AreAllAnswered_PrintNoControlCharacters_AndLeakNoSecret(string category)
    {
        var entries = HostileCorpus.InCategory(category);
        var findings = new AbuseFindings();
        var logsFrom = fixture.Logs.Entries.Count;
        var llmFrom = fixture.Llm.Requests.Count;

        // One conversation (the terminal's own), so the lines go one after the other, as typed.
        foreach (var input in entries)
        {
            var chat = new TerminalChat(fixture.Dispatcher, TextReader.Null, TextWriter.Null, "tester", interactive: false);
            if (input.Kind == HostileInput.CommandKind)
            {
                await ExpectReplyAsync(chat, input, CommandLineText.Line(input), "a typed command", findings);
                continue;
            }

            await ExpectReplyAsync(chat, input, input.Text, "a typed line", findings);
            await ExpectReplyAsync(chat, input, "/ask " + input.Text, "/ask", findings);
            await ExpectReplyAsync(chat, input, "/interview mixed", "/interview before an answer", findings);
            await ExpectReplyAsync(chat, input, input.Text, "an interview answer", findings);
            await chat.HandleLineAsync("/interview end", CancellationToken.None);
        }

        foreach (var request in fixture.Llm.Requests.Skip(llmFrom))
        {
            OutboundChecks.CheckLlm(request, findings, category);
        }

        AbuseLogging.Check(fixture.Logs, logsFrom, findings, "log during '" + category + "'");
        findings.AssertNone($"{entries.Count} terminal input(s) of '{category}'");
    }

    [Fact]
    public async Task AScriptedSessionOfEveryHostileLine_RunsToTheEnd_AndAnswersTheLastLine()
    {
        var lines = HostileCorpus.All
            .Where(e => e.Kind is HostileInput.TextKind or HostileInput.CommandKind)
            .Select(e => e.Kind == HostileInput.CommandKind ? CommandLineText.Line(e) : e.Text)
            .Select(line => line.Replace('\r', ' ').Replace('\n', ' '))
            .Where(line => line.Trim() is not ("/quit" or "/exit"))
            .Append("/interview end")
            .Append("/help");
        var script = string.Join('\n', lines) + "\n";
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var chat = new TerminalChat(fixture.Dispatcher, new StringReader(script), output, "tester", interactive: false);
        var help = (await new TerminalChat(fixture.Dispatcher, TextReader.Null, TextWriter.Null, "tester", interactive: false)
            .HandleLineAsync("/help", CancellationToken.None)).Select(r => TerminalReplyRenderer.Render(r));

        await chat.RunAsync(CancellationToken.None);

        var transcript = output.ToString().ReplaceLineEndings("\n").TrimEnd();
        Assert.EndsWith(string.Join("\n\n", help).ReplaceLineEndings("\n").TrimEnd(), transcript, StringComparison.Ordinal);
        Assert.DoesNotContain("something went wrong", transcript, StringComparison.OrdinalIgnoreCase);
        Assert.Null(AbuseSecrets.FindIn(transcript));
    }

    private static async Task ExpectReplyAsync(TerminalChat chat, HostileInput input, string line, string route, AbuseFindings findings)
    {
        IReadOnlyList<Reply> replies;
        try
        {
            replies = await chat.HandleLineAsync(line, CancellationToken.None);
        }
#pragma warning disable CA1031 // Any exception out of the chat is the finding.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            findings.Add(input, route, $"threw {ex.GetType().Name}: {ex.Message}");
            return;
        }

        var printed = string.Join("\n\n", replies.Select(r => TerminalReplyRenderer.Render(r)));
        if (string.IsNullOrWhiteSpace(printed))
        {
            findings.Add(input, route, "nothing printed");
        }

        var controls = printed.Where(c => char.IsControl(c) && c is not ('\n' or '\t')).ToList();
        if (controls.Count > 0)
        {
            findings.Add(input, route, $"printed the control character U+{(int)controls[0]:X4}: {HostileInput.Printable(printed, 160)}");
        }

        if (printed.Contains("something went wrong", StringComparison.OrdinalIgnoreCase))
        {
            findings.Add(input, route, "answered with the failure apology: " + HostileInput.Printable(printed, 160));
        }

        if (AbuseSecrets.FindIn(printed) is { } secret)
        {
            findings.Add(input, route, $"printed a secret ({secret})");
        }
    }
}
