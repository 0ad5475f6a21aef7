using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using CoachBot.LoadTest;

// Load test of the real bot, run as a separate process (the built src/CoachBot) against the fake Discord, Slack and
// OpenAI servers hosted here on 127.0.0.1. Burst mode sends N events at once (a mix of /ask, quiz answer clicks and
// interview answers); --offline measures /ask throughput with no LLM. Prints one Markdown table; exit code 0 only when
// nothing was lost, refused or acknowledged late (1 otherwise, 2 for bad options or a failed set-up).
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

string root;
string botPath;
try
{
    root = BotLocator.FindRepositoryRoot();
    botPath = BotLocator.FindBot(options.BotPath, root);
}
catch (IOException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}

var total = Stopwatch.StartNew();
var loadBefore = LoadAverage();
var runs = new List<PlatformRun>();
List<double?> peakMb;
string botLine;
try
{
    Progress.Say("starting the fakes and the bot: " + botPath);
    await using var rig = await LoadRig.StartAsync(options, root, botPath);
    var bots = rig.Bots;
    var meters = rig.Meters;
    botLine = bots.Count == 1
        ? string.Create(CultureInfo.InvariantCulture, $"bot: separate process, pid {bots[0].Id}: {bots[0].CommandLine}")
        : string.Create(CultureInfo.InvariantCulture,
            $"bot: {bots.Count} separate processes ({string.Join(", ", bots.Select((b, i) => $"{meters.Label(i)}: Discord shard {i} of {bots.Count}"))}), started one after the other, each: {bots[0].CommandLine}");
    Progress.Say(botLine + " (ready)");
    if (!options.DuringWarmup)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var semantic = await rig.Metrics.WaitForSemanticWarmupAsync(TimeSpan.FromMinutes(5));
        botLine += string.Create(CultureInfo.InvariantCulture, $"; semantic model: {semantic} after {waited.Elapsed.TotalSeconds:0} s of warm-up before the burst (--during-warmup skips the wait)");
        Progress.Say("semantic warm-up: " + semantic);
    }
    else
    {
        botLine += "; burst sent during the semantic warm-up (--during-warmup)";
    }

    if (options.FirstText > 0)
    {
        var firstText = new FirstTextRun(options);
        var rows = new List<FirstTextRow>();
        if (rig.Discord is { } discordServer)
        {
            rows.Add(await firstText.RunDiscordAsync(discordServer));
        }

        if (rig.Slack is { } slackServer)
        {
            rows.Add(await firstText.RunSlackAsync(slackServer));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CoachBot time to first visible text {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average before {loadBefore}"));
        Console.WriteLine(botLine);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"LLM: fake OpenAI endpoint streaming every answer: first token after {options.LlmDelayMs} ms, then {options.TokensPerSecond} tokens/s; {options.FirstText} questions per platform, one at a time, after one unmeasured warm-up"));
        FirstTextRun.Print(rows, Console.Out);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"- load average (1 min) before {loadBefore}, after {LoadAverage()}; total run time {total.Elapsed.TotalSeconds:0.0} s"));
        return rows.All(r => r.FirstTextMs.Count == r.Asked) ? 0 : 1;
    }

    using (var answers = rig.Discord is { } discordServer ? new DiscordAnswers(discordServer) : null)
    {
        if (options.Offline)
        {
            runs.Add(await new DiscordOffline(rig.Discord!, answers!, options, meters, rig.Metrics).RunAsync());
        }
        else
        {
            if (rig.Discord is { } discord)
            {
                runs.Add(await new DiscordBurst(discord, answers!, options, meters, rig.Metrics).RunAsync());
            }

            if (rig.Slack is { } slack)
            {
                runs.Add(await new SlackBurst(slack, options, meters, rig.Metrics, rig.SlackConnectionOwners).RunAsync());
            }
        }
    }

    peakMb = bots.Select(b => b.Meter.PeakRssMb()).ToList();
    if (bots.FirstOrDefault(b => b.HasExited) is { } exited)
    {
        await Console.Error.WriteLineAsync("error: a bot process exited during the run; last output:\n  " + string.Join("\n  ", exited.LastLines));
        return 1;
    }

    if (bots.Sum(b => b.SuppressedLines) is var suppressed and > 0)
    {
        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"note: {suppressed} more lines of bot output not shown (raise --bot-log-lines)"));
    }

    var llmRequests = rig.Llm?.Requests.Count;
    PrintHeader(options, rig, botLine, loadBefore, llmRequests);
}
catch (Exception ex) when (BotProcess.Interrupted && ex is BotFailedException or SetupException)
{
    return 130;
}
catch (BotFailedException ex)
{
    await Console.Error.WriteLineAsync("error: " + ex.Message + (ex.LastLines.Count == 0
        ? " (it wrote nothing)"
        : "; the bot's last output:\n  " + string.Join("\n  ", ex.LastLines.TakeLast(10))));
    return 2;
}
catch (SetupException ex)
{
    await Console.Error.WriteLineAsync("error: " + ex.Message);
    return 2;
}

ResultTable.Print(runs, Console.Out);
Console.WriteLine(peakMb.Count == 1
    ? "- bot peak RSS over the whole run (VmHWM of the bot process, read just before it was stopped): " + Mb(peakMb[0])
    : string.Create(CultureInfo.InvariantCulture,
        $"- bot peak RSS over the whole run (VmHWM of each bot process, read just before they were stopped): {string.Join(", ", peakMb.Select((mb, i) => $"process {i + 1} {Mb(mb)}"))}; "
        + $"sum {Mb(peakMb.OfType<double>().Sum())}. The table's \"bot max RSS\" is the sum over the processes of each one's largest VmRSS sampled during that platform's burst"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"- load average (1 min) before {loadBefore}, after {LoadAverage()}; total run time {total.Elapsed.TotalSeconds:0.0} s"));
var passed = runs.Count > 0 && runs.All(r => r.Passed);
Console.WriteLine(passed ? "PASS" : "FAIL (something was lost, refused or acknowledged after 3 s; see the table)");
return passed ? 0 : 1;

static void PrintHeader(LoadTestOptions options, LoadRig rig, string botLine, string loadBefore, int? llmRequests)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"CoachBot load test {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}, {RuntimeInformation.OSDescription}, load average before {loadBefore}"));
    Console.WriteLine(botLine);
    Console.WriteLine("fakes (FakeDiscord, FakeSlack, FakeOpenAi from tests/CoachBot.Testing) and the driver run in this process; the bot's CPU and memory are its own");
    if (options.Offline)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mode: offline throughput, no LLM; {options.EffectiveInteractions} /ask, {options.InFlight} in flight, {options.EffectiveMembers} members, {options.Guilds} guilds"));
    }
    else
    {
        var kinds = options.Mix.Assign(options.EffectiveInteractions);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mode: burst, platform {options.PlatformName}, {options.EffectiveInteractions} events at once per platform: {kinds.Count(k => k == LoadKind.Ask)} /ask, "
            + $"{kinds.Count(k => k == LoadKind.QuizClick)} quiz answer clicks, {kinds.Count(k => k == LoadKind.InterviewAnswer)} interview answers (--mix {options.Mix}); "
            + $"{options.EffectiveMembers} members, {options.Guilds} Discord guilds; platforms one after the other"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"LLM: fake OpenAI endpoint answering every chat completion after {options.LlmDelayMs} ms; {llmRequests ?? 0} requests served"));
    }

    Console.WriteLine("bot settings: " + string.Join(", ", rig.DescribedSettings)
        + " (rate limits raised so the load is never rate-limited; the bot's own /metrics on a free loopback port"
        + (rig.Bots.Count > 1 ? ", one per process" : string.Empty) + "); "
        + (rig.Database is { } database ? $"PostgreSQL: a fresh database ({database.Name}) on the --postgres server, dropped after the run; " : "SQLite in a temp folder; ")
        + "Logging:LogLevel:Default=Warning; everything else at the bot's defaults");
}

static string Mb(double? mb) => mb is { } value ? value.ToString("0", CultureInfo.InvariantCulture) + " MB" : "n/a";

static string LoadAverage()
{
    try
    {
        return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
    }
    catch (IOException)
    {
        return "n/a";
    }
}
