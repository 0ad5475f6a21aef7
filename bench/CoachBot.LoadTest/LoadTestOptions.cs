using System.Globalization;

namespace CoachBot.LoadTest;

/// <summary>Command-line options of the load tool, bounded so a run always stops by itself.</summary>
internal sealed record LoadTestOptions
{
    public const int MaxBurst = 5000;
    public const int MaxOfflineTotal = 200_000;
    public const int DefaultOfflineTotal = 5000;

    /// <summary>Slack allows 10 Socket Mode connections per app, and each process opens at least one.</summary>
    public const int MaxBotProcesses = 10;

    public bool Discord { get; init; } = true;

    public bool Slack { get; init; } = true;

    /// <summary>Burst mode: events sent at once. Offline mode: the total number of /ask interactions.</summary>
    public int? Interactions { get; init; }

    public int LlmDelayMs { get; init; } = 2000;

    /// <summary>Distinct simulated members (round-robin over the events); defaults to one per event.</summary>
    public int Members { get; init; }

    /// <summary>Discord guilds the events are spread over (round-robin).</summary>
    public int Guilds { get; init; } = 10;

    /// <summary>Weights of /ask, quiz answer clicks and interview answers in the burst.</summary>
    public Mix Mix { get; init; } = Mix.Default;

    /// <summary>How long to wait for all answers before counting the rest as lost.</summary>
    public int TimeoutSeconds { get; init; } = 120;

    /// <summary>Offline throughput mode: no LLM, /ask only, a closed loop keeping <see cref="InFlight"/> interactions open.</summary>
    public bool Offline { get; init; }

    public int InFlight { get; init; } = 64;

    /// <summary>
    /// Time-to-first-text mode: this many questions per platform, one after another, with the fake model streaming
    /// (first token after <see cref="LlmDelayMs"/>); prints its own table instead of the burst's. 0: off.
    /// </summary>
    public int FirstText { get; init; }

    /// <summary>How fast the fake model streams after its first token (first-text mode).</summary>
    public int TokensPerSecond { get; init; } = 30;

    /// <summary>
    /// Where /ask is typed on Discord: in a channel (the bot answers, then opens a thread from its answer: one REST call
    /// under the bot's global 50 req/s limit per answer) or inside an existing thread (answered in place, no thread).
    /// </summary>
    public bool AskInThread { get; init; }

    /// <summary>
    /// Send the burst while the bot is still embedding its passage vectors (a first start on a fresh database) instead
    /// of waiting until /readyz reports the semantic model ready (or off), the state a running bot is in.
    /// </summary>
    public bool DuringWarmup { get; init; }

    /// <summary>
    /// Skip the set-up's quiz click and interview answer (one of each of the burst's kinds, answered before it), so the
    /// burst holds the first of each the bot process ever handles: what the first burst after a restart pays.
    /// </summary>
    public bool NoKindWarmup { get; init; }

    /// <summary>CoachBot.dll (or its apphost, or the folder holding it); found next to this build when not given.</summary>
    public string? BotPath { get; init; }

    /// <summary>Extra bot settings (<c>Section:Key=value</c>), passed as environment variables; they win over the tool's own.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> BotSettings { get; init; } = [];

    /// <summary>
    /// Bot processes started on one PostgreSQL database (burst mode; more than one needs <see cref="Postgres"/>): Discord
    /// split by shard (process i runs shard i of N), Slack over all their Socket Mode connections.
    /// </summary>
    public int BotProcesses { get; init; } = 1;

    /// <summary>A PostgreSQL server (Npgsql connection string) whose user may create databases: each run stores in a fresh one.</summary>
    public string? Postgres { get; init; }

    /// <summary>Lines of the bot's own output (warnings and errors) echoed to standard error.</summary>
    public int BotLogLines { get; init; } = 40;

    public int EffectiveInteractions => Interactions ?? (Offline ? DefaultOfflineTotal : 200);

    public int EffectiveMembers => Members > 0 ? Math.Min(Members, EffectiveInteractions) : EffectiveInteractions;

    public string PlatformName => Discord && Slack ? "both" : Discord ? "discord" : "slack";

    public static string Usage =>
        """
        usage: CoachBot.LoadTest [--platform discord|slack|both] [--interactions 200] [--members N] [--mix 50,30,20]
                                 [--llm-delay-ms 2000] [--guilds 10] [--timeout-seconds 120]
                                 [--offline [--interactions 5000] [--in-flight 64]] [--ask-in channel|thread]
                                 [--bot-path src/CoachBot/bin.<slot>/Release/net10.0/CoachBot.dll] [--bot-setting Section:Key=value]...
                                 [--bot-log-lines 40] [--during-warmup] [--no-kind-warmup] [--first-text N [--tokens-per-second 30]]
                                 [--postgres "Host=…;Username=…;Password=…" [--bot-processes 1]]
          burst mode (default): --interactions events at once, mixed /ask : quiz answer click : interview answer (--mix weights)
          --offline: no LLM; --interactions /ask in total through the Discord gateway, --in-flight open at any time
          --ask-in: where Discord /ask is typed; in a channel each answer also opens a thread (default: channel)
          --during-warmup: don't wait for the semantic warm-up (/readyz "semantic") nor the hot-path warm-up ("warmup") before measuring
          --no-kind-warmup: the set-up answers one /ask only, not also one quiz click and one interview answer, so the
                          burst carries the process's first of those (the code paths compiled during the burst)
          --first-text N: time to first visible text instead of the burst: N questions per platform, one at a time, the
                          model streaming its answer (first token after --llm-delay-ms, then --tokens-per-second)
          --postgres: the bot stores in a fresh database created on that server (its user needs CREATEDB), dropped after
          --bot-processes N: N bot processes on that database (burst mode): process i runs Discord shard i of N, each
                          opens its Slack Socket Mode connections and the fake spreads envelopes over all of them
        """;

    public static LoadTestOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new LoadTestOptions();
        var settings = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--offline")
            {
                options = options with { Offline = true };
                continue;
            }

            if (name == "--during-warmup")
            {
                options = options with { DuringWarmup = true };
                continue;
            }

            if (name == "--no-kind-warmup")
            {
                options = options with { NoKindWarmup = true };
                continue;
            }

            if (name is "--help" or "-h")
            {
                throw new ArgumentException(Usage);
            }

            var value = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.\n{Usage}");
            options = name switch
            {
                "--platform" => value.ToUpperInvariant() switch
                {
                    "DISCORD" => options with { Discord = true, Slack = false },
                    "SLACK" => options with { Discord = false, Slack = true },
                    "BOTH" => options with { Discord = true, Slack = true },
                    _ => throw new ArgumentException($"--platform is discord, slack or both, not '{value}'."),
                },
                "--interactions" => options with { Interactions = Number(name, value, 1, MaxOfflineTotal) },
                "--llm-delay-ms" => options with { LlmDelayMs = Number(name, value, 0, 25_000) },
                "--members" => options with { Members = Number(name, value, 1, MaxOfflineTotal) },
                "--guilds" => options with { Guilds = Number(name, value, 1, 1000) },
                "--mix" => options with { Mix = Mix.Parse(value) },
                "--timeout-seconds" => options with { TimeoutSeconds = Number(name, value, 5, 3600) },
                "--in-flight" => options with { InFlight = Number(name, value, 1, 4096) },
                "--bot-path" => options with { BotPath = value },
                "--ask-in" => value.ToUpperInvariant() switch
                {
                    "CHANNEL" => options with { AskInThread = false },
                    "THREAD" => options with { AskInThread = true },
                    _ => throw new ArgumentException($"--ask-in is channel or thread, not '{value}'."),
                },
                "--bot-setting" => AddSetting(options, settings, value),
                "--bot-log-lines" => options with { BotLogLines = Number(name, value, 0, 100_000) },
                "--first-text" => options with { FirstText = Number(name, value, 1, 1000) },
                "--tokens-per-second" => options with { TokensPerSecond = Number(name, value, 1, 1000) },
                "--bot-processes" => options with { BotProcesses = Number(name, value, 1, MaxBotProcesses) },
                "--postgres" => options with { Postgres = string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("--postgres needs a connection string.") : value },
                _ => throw new ArgumentException($"Unknown option '{name}'.\n{Usage}"),
            };
        }

        if (options.BotProcesses > 1 && options.Postgres is null)
        {
            throw new ArgumentException("--bot-processes above 1 needs --postgres: the processes share one PostgreSQL database.");
        }

        if (options.BotProcesses > 1 && (options.Offline || options.FirstText > 0))
        {
            throw new ArgumentException("--bot-processes above 1 is for burst mode (not --offline or --first-text).");
        }

        if (options.Offline && options.FirstText > 0)
        {
            throw new ArgumentException("--first-text needs the (streaming) fake model; it can't be combined with --offline.");
        }

        if (options.Offline)
        {
            if (options.Slack && !options.Discord)
            {
                throw new ArgumentException("--offline drives the Discord gateway only; use --platform discord (the default with --offline).");
            }

            options = options with { Discord = true, Slack = false };
        }
        else if (options.EffectiveInteractions > MaxBurst)
        {
            throw new ArgumentException($"--interactions is at most {MaxBurst} in burst mode (events sent at once).");
        }

        return options with { BotSettings = settings };
    }

    private static LoadTestOptions AddSetting(LoadTestOptions options, List<KeyValuePair<string, string>> settings, string value)
    {
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new ArgumentException($"--bot-setting is Section:Key=value (e.g. Discord:MaxConcurrentInteractions=64), not '{value}'.");
        }

        settings.Add(new KeyValuePair<string, string>(value[..equals].Trim(), value[(equals + 1)..]));
        return options;
    }

    private static int Number(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new ArgumentException($"{name} is a whole number from {min} to {max}, not '{value}'.");
}
