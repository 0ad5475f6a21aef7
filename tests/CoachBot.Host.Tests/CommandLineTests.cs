using CoachBot.Cli;

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
