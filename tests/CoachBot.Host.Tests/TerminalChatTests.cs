namespace CoachBot.Host.Tests;

public class TerminalChatTests
{
    private static async Task<string> ChatAsync(string script, params string[] configArgs)
    {
        await using var services = CoachCommandLine.BuildServices(configArgs);
        var output = new StringWriter();
        var chat = new TerminalChat(services.GetRequiredService<CoachDispatcher>(), new StringReader(script), output, "tester", interactive: false);
        await chat.RunAsync(CancellationToken.None);
        return output.ToString();
    }

    [Fact]
    public async Task RunAsync_ScriptedInput_AnswersEachLineAndStopsAtEndOfInput()
    {
        var transcript = await ChatAsync("/help\n/nope\n");

        Assert.Contains("How I can help", transcript, StringComparison.Ordinal);
        Assert.Contains("I don't know the command `/nope`", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Quit_StopsBeforeLaterLines()
    {
        var transcript = await ChatAsync("/quit\n/help\n");

        Assert.DoesNotContain("How I can help", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_BadCommandArguments_ShowsUsageInsteadOfFailing()
    {
        var transcript = await ChatAsync("/help a b c d\n");

        Assert.Contains("Too many arguments", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_LinesFasterThanTheRateLimit_AreAllAnswered()
    {
        var transcript = await ChatAsync("/help\n/help\n/help\n", "--RateLimits:PerUserPerMinute=1", "--RateLimits:PerCommunityPerMinute=1");

        Assert.Equal(3, transcript.Split("How I can help").Length - 1);
        Assert.DoesNotContain("going a little fast", transcript, StringComparison.Ordinal);
    }
}
