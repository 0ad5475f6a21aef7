using System.Diagnostics;
using System.Globalization;
using CoachBot.LoadTest;

// Fires N concurrent /ask interactions at the real CoachBot host through the fake Discord gateway and/or the fake Slack
// Socket Mode socket (all on 127.0.0.1, in this process), with a slow fake LLM, and reports acknowledgement latency
// and answer throughput. Exit code 0 only when every interaction was acknowledged in time and answered.
LoadTestOptions options;
try
{
    options = LoadTestOptions.Parse(args);
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}

var root = BotUnderTest.FindRepositoryRoot();
var results = new List<ScenarioResult>();
var total = Stopwatch.StartNew();
await using (var bot = await BotUnderTest.StartAsync(options, root))
{
    using var botSide = new BotSideAckLatencies(bot.Host);
    if (bot.Discord is { } discord)
    {
        results.Add(await DiscordScenario.RunAsync(discord, options, botSide));
    }

    if (bot.Slack is { } slack)
    {
        results.Add(await SlackScenario.RunAsync(slack, options, botSide));
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"interactions={options.Interactions} members={options.EffectiveMembers} llm-delay={options.LlmDelayMs} ms; LLM requests served by the fake: {bot.Llm.Requests.Count}"));
}

foreach (var result in results)
{
    ResultPrinter.Print(result, Console.Out);
}

using (var self = Process.GetCurrentProcess())
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"peak working set: {self.PeakWorkingSet64 / (1024.0 * 1024.0):0} MB (one process: the bot host, the fakes and this driver together; the bot's own share is smaller)"));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total run time {total.Elapsed.TotalSeconds:0.0} s"));
return results.All(r => r.Passed) ? 0 : 1;
