namespace CoachBot.Host.Tests;

public class CommandLineTests
{
    [Fact]
    public async Task Run_InvalidSetting_ExitsWithConfigurationErrorNamingTheKey()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = CoachCommandLine.Create(output, error);

        var code = await root.Parse(["--Terminal:UserName=", "--Terminal:Enabled=false"]).InvokeAsync();

        Assert.Equal(CoachCommandLine.ConfigurationError, code);
        Assert.Contains("Terminal:UserName:", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_OnAFreshDataFolder_MigratesTheDatabaseAndAnswersWithSources()
    {
        var data = Path.Combine(Path.GetTempPath(), "coachbot-ask-" + Guid.NewGuid().ToString("N"));
        var output = new StringWriter();
        var error = new StringWriter();
        var root = CoachCommandLine.Create(output, error);
        try
        {
            var code = await root.Parse(["ask", "how do I become a backend engineer?", "--Storage:DataDirectory=" + data]).InvokeAsync();

            Assert.Equal(0, code);
            Assert.DoesNotContain("something went wrong", output.ToString(), StringComparison.OrdinalIgnoreCase);
            Assert.Contains("Sources", output.ToString(), StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(data, "coachbot.db")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    [Fact]
    public async Task EvalFromFeedback_WritesTheDownVotedQuestionsAsEvalLines()
    {
        var folder = Directory.CreateTempSubdirectory("coachbot-eval-feedback-");
        var data = "--Storage:DataDirectory=" + Path.Combine(folder.FullName, "data");
        var file = Path.Combine(folder.FullName, "from-feedback.jsonl");
        try
        {
            await using (var services = CoachCommandLine.BuildServices([data]))
            {
                await services.GetRequiredService<CoachBot.Storage.IStorageInitializer>().InitializeAsync(CancellationToken.None);
                var dispatcher = services.GetRequiredService<CoachDispatcher>();
                var member = new CoachBot.Core.Conversations.CommandContext
                {
                    User = new CoachBot.Core.Conversations.UserIdentity(CoachBot.Core.Conversations.ChatPlatform.Discord, "42", "Ada"),
                    Conversation = new CoachBot.Core.Conversations.ConversationKey(CoachBot.Core.Conversations.ChatPlatform.Discord, "g1", "c1"),
                };
                var asked = await dispatcher.DispatchAsync(
                    new CommandRequest(member, "ask", null, new Dictionary<string, string> { ["question"] = "which database should I learn first?" }), CancellationToken.None);
                Assert.NotNull(Assert.Single(asked).Feedback);
                await dispatcher.DispatchAsync(new CommandRequest(member, "feedback", "down", new Dictionary<string, string>()), CancellationToken.None);
            }

            var output = new StringWriter();
            var code = await CoachCommandLine.Create(output, new StringWriter()).Parse(["eval", file, "--from-feedback", data]).InvokeAsync();

            Assert.Equal(0, code);
            Assert.Contains("Wrote 1 down-voted question", output.ToString(), StringComparison.Ordinal);
            var line = Assert.Single(await File.ReadAllLinesAsync(file));
            Assert.StartsWith("{\"question\":\"which database should I learn first?\",\"evidence\":\"\",\"guide\":\"", line, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task EvalInterview_PrintsOneLinePerAnswerThenTheTotals_AndReportsABadLineWithoutCrashing()
    {
        var folder = Directory.CreateTempSubdirectory("coachbot-eval-interview-");
        var file = Path.Combine(folder.FullName, "answers.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            """{"question_id": "db-junior-indexes", "answer": "An index is a B-tree next to the table so lookups avoid a full table scan. Add one on columns in WHERE clauses and joins of frequent queries. It costs storage and slows down writes.", "label": "strong"}""",
            """{"question_id": "db-junior-indexes", "answer": "My favourite pizza has mushrooms, olives and lots of cheese on Fridays."}""",
            """{"question_id": "db-junior-indexes", "answer": """,
        ]);
        var output = new StringWriter();
        var error = new StringWriter();
        try
        {
            var code = await CoachCommandLine.Create(output, error)
                .Parse(["eval-interview", file, "--Storage:DataDirectory=" + Path.Combine(folder.FullName, "data")])
                .InvokeAsync();

            var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal(3, lines.Length);
            Assert.Matches(@"^line 1: [45]/5$", lines[0]);
            Assert.Equal("line 2: unscored", lines[1]);
            Assert.Equal("scored=1 unscored=1", lines[2]);
            Assert.Contains("line 3: error: malformed JSON", error.ToString(), StringComparison.Ordinal);
            Assert.Equal(1, code);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Ask_WithoutQuestion_PrintsUsageAndFails()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = CoachCommandLine.Create(output, error);

        var code = await root.Parse(["ask", " "]).InvokeAsync();

        Assert.Equal(1, code);
        Assert.Contains("Usage: ask", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MalformedQuizBank_StopsStartUpNamingTheFile()
    {
        var bank = Directory.CreateTempSubdirectory("coachbot-bank-");
        var data = Directory.CreateTempSubdirectory("coachbot-data-");
        try
        {
            var file = Path.Combine(bank.FullName, "broken.yaml");
            await File.WriteAllTextAsync(file, "id: broken\ntitle: Broken\nquestions:\n  - id: q1\n    question: ''\n");
            var output = new StringWriter();
            var error = new StringWriter();
            var root = CoachCommandLine.Create(output, error);

            // Guard: if the check regressed, the host would start and run until cancelled; the test then fails on the exit code.
            using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var code = await root.Parse([$"--Quiz:BankPath={bank.FullName}", $"--Storage:DataDirectory={data.FullName}", "--Terminal:Enabled=false", "--Challenges:SchedulerEnabled=false"])
                .InvokeAsync(cancellationToken: guard.Token);

            Assert.Equal(CoachCommandLine.ConfigurationError, code);
            Assert.Contains("Knowledge error:", error.ToString(), StringComparison.Ordinal);
            Assert.Contains("broken.yaml", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            bank.Delete(recursive: true);
            data.Delete(recursive: true);
        }
    }
}
