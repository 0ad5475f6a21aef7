using System.CommandLine;
using CoachBot.Coaching.Feedback;
using CoachBot.Coaching.Interview.Bank;
using CoachBot.Coaching.Interview.Evaluation;
using CoachBot.Coaching.Interview.Scoring;
using CoachBot.Core.Dispatch;
using CoachBot.Hosting;
using CoachBot.Knowledge;
using CoachBot.Knowledge.Evaluation;
using CoachBot.Knowledge.Retrieval;
using CoachBot.Slack.Manifest;
using CoachBot.Knowledge.Semantic;
using CoachBot.Storage;
using CoachBot.Terminal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CoachBot.Cli;

/// <summary>
/// The command-line verbs: none or <c>run</c> starts the bot (platform adapters or the terminal chat);
/// <c>ask "question"</c> prints one answer and exits; <c>eval FILE.jsonl [--k 3]</c> measures retrieval
/// (<c>eval FILE.jsonl --from-feedback</c> writes the down-voted questions to FILE as eval lines instead);
/// <c>slack-manifest [FILE] [--write]</c> regenerates the Slack manifest's slash commands from the command definitions
/// and its agent_view section from the Slack adapter's agent prompts.
/// <c>eval-interview FILE.jsonl</c> scores mock-interview answers as a live interview would.
/// <c>export-vectors [--out FILE]</c> writes the knowledge folder's bundled passage vectors.
/// Exit codes: 0 success, 1 failure, 2 configuration error.
/// </summary>
public static class CoachCommandLine
{
    public const int ConfigurationError = 2;

    public static RootCommand Create(TextWriter output, TextWriter error)
    {
        var root = new RootCommand("CoachBot: a backend-career coach for Discord, Slack and the terminal.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };

        var run = new Command("run", "Start the bot: the configured Discord/Slack adapters, or the terminal chat when none is configured.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        run.SetAction((result, ct) => RunHostAsync(result.UnmatchedTokens.ToArray(), error, ct));
        root.SetAction((result, ct) => RunHostAsync(result.UnmatchedTokens.ToArray(), error, ct));
        root.Subcommands.Add(run);

        var question = new Argument<string>("question") { Description = "The question to answer, in quotes." };
        var ask = new Command("ask", "Answer one question from the guides, print it and exit.") { question };
        ask.TreatUnmatchedTokensAsErrors = false;
        ask.SetAction((result, ct) => AskAsync(result.GetRequiredValue(question), result.UnmatchedTokens.ToArray(), output, error, ct));
        root.Subcommands.Add(ask);

        var file = new Argument<FileInfo>("file") { Description = "A JSONL file: one {\"question\": …, \"evidence\": …} per line." };
        var k = new Option<int>("--k") { Description = "How many passages count (top-k).", DefaultValueFactory = _ => 3 };
        var fromFeedback = new Option<bool>("--from-feedback")
        {
            Description = "Instead of measuring, write the down-voted questions (👎 feedback) to FILE as eval lines, evidence left for the curator to fill in.",
        };
        var eval = new Command("eval", "Measure retrieval: recall@k and MRR of evidence in the top-k passages.") { file, k, fromFeedback };
        eval.TreatUnmatchedTokensAsErrors = false;
        eval.SetAction((result, ct) => result.GetValue(fromFeedback)
            ? ExportFeedbackAsync(result.GetRequiredValue(file), result.UnmatchedTokens.ToArray(), output, error, ct)
            : EvaluateAsync(result.GetRequiredValue(file), result.GetValue(k), result.UnmatchedTokens.ToArray(), output, error, ct));
        root.Subcommands.Add(eval);

        var manifestFile = new Argument<FileInfo>("file")
        {
            Description = "The Slack app manifest to update (default: slack-app-manifest.yaml).",
            DefaultValueFactory = _ => new FileInfo("slack-app-manifest.yaml"),
        };
        var write = new Option<bool>("--write") { Description = "Write the updated manifest back instead of printing it." };
        var manifest = new Command("slack-manifest", "Regenerate the Slack manifest's slash commands (from the command definitions) and agent_view (from the agent prompts).") { manifestFile, write };
        manifest.TreatUnmatchedTokensAsErrors = false;
        manifest.SetAction((result, ct) => SlackManifestAsync(result.GetRequiredValue(manifestFile), result.GetValue(write), result.UnmatchedTokens.ToArray(), output, error));
        root.Subcommands.Add(manifest);

        var answers = new Argument<FileInfo>("file") { Description = "A JSONL file: one {\"question_id\": …, \"answer\": …} per line." };
        var calibrate = new Option<bool>("--calibrate") { Description = "FILE holds rubric-point paraphrases: print the matching thresholds they and the bank imply instead." };
        var evalInterview = new Command("eval-interview", "Score mock-interview answers as a live interview would: one \"line N: S/5\" or \"line N: unscored\" per line.") { answers, calibrate };
        evalInterview.TreatUnmatchedTokensAsErrors = false;
        evalInterview.SetAction((result, ct) => result.GetValue(calibrate)
            ? CalibrateInterviewAsync(result.GetRequiredValue(answers), result.UnmatchedTokens.ToArray(), output, error)
            : EvaluateInterviewAsync(result.GetRequiredValue(answers), result.UnmatchedTokens.ToArray(), output, error, ct));
        root.Subcommands.Add(evalInterview);

        var vectorsOut = new Option<FileInfo?>("--out") { Description = "Where to write (default: vectors/<model>.vectors in the knowledge folder in use)." };
        var exportVectors = new Command("export-vectors", "Embed every passage, sentence and expansion question of the knowledge folder and write them as its bundled vectors, so a new install does not embed them on its first start.") { vectorsOut };
        exportVectors.TreatUnmatchedTokensAsErrors = false;
        exportVectors.SetAction((result, ct) => ExportVectorsAsync(result.GetValue(vectorsOut), result.UnmatchedTokens.ToArray(), output, error, ct));
        root.Subcommands.Add(exportVectors);

        var community = new Option<string>("--community")
        {
            Description = "The community the link opens, as platform:id (discord:<server id>, slack:<team id>, terminal:local).",
            Required = true,
        };
        var dashboardLink = new Command("dashboard-link", "Print a single-use sign-in link (10 minutes) to a community's moderator dashboard.") { community };
        dashboardLink.TreatUnmatchedTokensAsErrors = false;
        dashboardLink.SetAction((result, ct) => DashboardLinkAsync(result.GetRequiredValue(community), result.UnmatchedTokens.ToArray(), output, error, ct));
        root.Subcommands.Add(dashboardLink);

        return root;
    }

    private static async Task<int> SlackManifestAsync(FileInfo file, bool write, string[] configArgs, TextWriter output, TextWriter error)
    {
        if (!file.Exists)
        {
            await error.WriteLineAsync($"No such file: {file.FullName}");
            return 1;
        }

        return await WithConfigurationErrorsAsync(error, async () =>
        {
            await using var services = BuildServices(configArgs);
            var catalog = services.GetRequiredService<CommandCatalog>();
            var updated = SlackManifestAgentView.Update(SlackManifestCommands.Update(await File.ReadAllTextAsync(file.FullName), catalog.Definitions));
            if (write)
            {
                await File.WriteAllTextAsync(file.FullName, updated);
                await output.WriteLineAsync($"Updated {file.FullName}: {catalog.Definitions.Count} slash commands.");
            }
            else
            {
                await output.WriteAsync(updated);
            }

            return 0;
        });
    }

    /// <summary>How long the process may take to stop after SIGTERM or Ctrl+C: the host's default 30 s shutdown timeout and a margin.</summary>
    public static readonly TimeSpan ShutdownBound = TimeSpan.FromSeconds(35);

    public static Task<int> RunHostAsync(string[] hostArgs, TextWriter error, CancellationToken cancellationToken) =>
        WithConfigurationErrorsAsync(error, async () =>
        {
            using var host = CoachHostFactory.Build(hostArgs);
            await host.RunAsync(cancellationToken);
            return 0;
        });

    private static async Task<int> AskAsync(string question, string[] configArgs, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(question))
        {
            await error.WriteLineAsync("Usage: ask \"your question\"");
            return 1;
        }

        return await WithConfigurationErrorsAsync(error, async () =>
        {
            await using var services = BuildServices(configArgs);
            await WarmUpRetrievalAsync(services, error, ct);

            var dispatcher = services.GetRequiredService<CoachDispatcher>();
            var chat = new TerminalChat(dispatcher, TextReader.Null, output, "you", interactive: false);
            var replies = await chat.HandleLineAsync(question, ct);
            foreach (var reply in replies)
            {
                await output.WriteLineAsync(TerminalReplyRenderer.Render(reply));
            }

            return 0;
        });
    }

    private static async Task<int> EvaluateAsync(FileInfo file, int k, string[] configArgs, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (!file.Exists)
        {
            await error.WriteLineAsync($"No such file: {file.FullName}");
            return 1;
        }

        if (k < 1)
        {
            await error.WriteLineAsync("--k must be at least 1.");
            return 1;
        }

        return await WithConfigurationErrorsAsync(error, async () =>
        {
            await using var services = BuildServices(configArgs);
            await WarmUpRetrievalAsync(services, error, ct);
            var result = services.GetRequiredService<RetrievalEvaluator>().Run(file.FullName, k, output);
            return result.Count > 0 ? 0 : 1;
        });
    }

    /// <summary>
    /// <c>export-vectors [--out FILE]</c>: embeds every text of the knowledge folder with the configured model (from scratch:
    /// neither the database nor an existing bundled file is read) and writes them as the folder's bundled vectors
    /// (<see cref="BundledVectorFile"/>). Run it after editing guides or expansion questions; a stale file only costs the
    /// first start of a new install the embedding of the texts that changed.
    /// </summary>
    private static async Task<int> ExportVectorsAsync(FileInfo? file, string[] configArgs, TextWriter output, TextWriter error, CancellationToken ct)
    {
        return await WithConfigurationErrorsAsync(error, async () =>
        {
            await using var services = BuildServices(configArgs);
            var embedder = services.GetRequiredService<SemanticModel>().Embedder;
            if (embedder is null)
            {
                await error.WriteLineAsync("Semantic retrieval is off (Knowledge:Semantic:Enabled=false): there is no model to make vectors with.");
                return 1;
            }

            var knowledge = services.GetRequiredService<KnowledgeBase>();
            var path = file?.FullName ?? BundledVectorFile.PathFor(knowledge.Directory!, embedder.ModelId);
            var store = new InMemoryPassageVectorStore();
            var build = await new SemanticIndexBuilder(embedder, store).BuildAsync(
                services.GetRequiredService<LucenePassageRetriever>().Index, knowledge with { Directory = null }, null, ct);
            var vectors = await store.LoadAsync(embedder.ModelId, [.. build.TextHashes], ct);
            BundledVectorFile.Write(path, embedder.ModelId, embedder.Dimensions, vectors.Select(pair => new StoredVector(pair.Key, pair.Value)));
            await output.WriteLineAsync($"Wrote {vectors.Count} vectors ({embedder.ModelId}, {embedder.Dimensions} dimensions) to {path}.");
            return 0;
        });
    }

    /// <summary>
    /// <c>eval --from-feedback FILE</c>: writes the down-voted questions as eval lines to FILE (replacing it), so whoever
    /// curates the knowledge can add the evidence and move them into an eval set.
    /// </summary>
    private static async Task<int> ExportFeedbackAsync(FileInfo file, string[] configArgs, TextWriter output, TextWriter error, CancellationToken ct)
    {
        return await WithConfigurationErrorsAsync(error, async () =>
        {
            await using var services = BuildServices(configArgs);
            if (services.GetRequiredService<IOptions<StorageOptions>>().Value.MigrateOnStartup)
            {
                await services.GetRequiredService<IStorageInitializer>().InitializeAsync(ct);
            }

            int count;
            await using (var writer = new StreamWriter(file.FullName, append: false))
            {
                count = await services.GetRequiredService<FeedbackEvalExport>().WriteAsync(writer, ct);
            }

            await output.WriteLineAsync($"Wrote {count} down-voted question(s) to {file.FullName}; fill in \"evidence\" before adding them to an eval set.");
            return 0;
        });
    }

    /// <summary>
    /// <c>dashboard-link --community platform:id</c>: the operator's own way in (no chat needed). The link goes to
    /// Http:PublicBaseUrl, else the first Http:Urls address; the session's moderator is "operator", who may act on every
    /// platform without a platform check (the operator has the bot's configuration) and is audited as "operator".
    /// </summary>
    private static async Task<int> DashboardLinkAsync(string community, string[] configArgs, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var colon = community.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == community.Length - 1
            || !Enum.TryParse<CoachBot.Core.Conversations.ChatPlatform>(community[..colon], ignoreCase: true, out var platform)
            || !Enum.IsDefined(platform))
        {
            await error.WriteLineAsync("Give the community as platform:id, e.g. --community discord:123456789012345678 or --community slack:T0123ABCD.");
            return 1;
        }

        return await WithConfigurationErrorsAsync(error, async () =>
        {
            await using var services = BuildServices(configArgs);
            if (services.GetRequiredService<IOptions<StorageOptions>>().Value.MigrateOnStartup)
            {
                await services.GetRequiredService<IStorageInitializer>().InitializeAsync(ct);
            }

            var configuration = services.GetRequiredService<IConfiguration>();
            var baseUri = services.GetRequiredService<IOptions<CoachBot.Dashboard.DashboardUrlOptions>>().Value.BaseUri
                ?? new Uri(CoachBot.Hosting.Web.ManagementListener.Split(configuration["Http:Urls"] is { Length: > 0 } urls ? urls : CoachBot.Hosting.Web.HttpServerOptions.DefaultUrls)[0]);
            var grant = CoachBot.Dashboard.SignIn.DashboardGrant.ForOperator(platform, community[(colon + 1)..]);
            var link = await services.GetRequiredService<CoachBot.Dashboard.SignIn.DashboardLinks>().IssueAsync(grant, ct, baseUri);
            await output.WriteLineAsync(link.AbsoluteUri);
            await error.WriteLineAsync("Single use, valid for 10 minutes. Open it in a browser and choose Continue.");
            return 0;
        });
    }

    /// <summary>
    /// What the bot does at start-up, before a one-shot verb answers: brings the database up to date (no host runs the
    /// storage start-up here) and waits for the passage vectors (loaded from the database, or embedded and stored on the
    /// first run), so <c>ask</c> and <c>eval</c> see the retrieval users get once the bot is warm. A failed warm-up is
    /// reported and leaves retrieval lexical.
    /// </summary>
    private static async Task WarmUpRetrievalAsync(IServiceProvider services, TextWriter error, CancellationToken ct)
    {
        if (services.GetRequiredService<IOptions<StorageOptions>>().Value.MigrateOnStartup)
        {
            await services.GetRequiredService<IStorageInitializer>().InitializeAsync(ct);
        }

        var warmup = services.GetRequiredService<SemanticWarmup>();
        await warmup.EnsureReadyAsync(ct);
        if (warmup.State == SemanticState.Failed)
        {
            await error.WriteLineAsync("Semantic retrieval could not warm up (see the log); this run is lexical only.");
        }
    }

    private static async Task<int> EvaluateInterviewAsync(FileInfo file, string[] configArgs, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (!file.Exists)
        {
            await error.WriteLineAsync($"No such file: {file.FullName}");
            return 1;
        }

        return await WithConfigurationErrorsAsync(error, async () =>
        {
            await using var services = BuildServices(configArgs);
            using var reader = file.OpenText();
            var result = await services.GetRequiredService<InterviewAnswerEvaluator>().RunAsync(reader, output, error, ct);
            if (result.Errors > 0)
            {
                await error.WriteLineAsync($"{result.Errors} line(s) could not be scored (see above).");
            }

            return result.Errors == 0 && result.Scored + result.Unscored > 0 ? 0 : 1;
        });
    }

    private static async Task<int> CalibrateInterviewAsync(FileInfo file, string[] configArgs, TextWriter output, TextWriter error)
    {
        if (!file.Exists)
        {
            await error.WriteLineAsync($"No such file: {file.FullName}");
            return 1;
        }

        return await WithConfigurationErrorsAsync(error, async () =>
        {
            await using var services = BuildServices(configArgs);
            if (services.GetRequiredService<SemanticModel>().Embedder is not { } embedder)
            {
                await error.WriteLineAsync("Calibration needs the sentence-embedding model: Knowledge:Semantic:Enabled is false.");
                return 1;
            }

            RubricThresholdCalibration.Run(services.GetRequiredService<InterviewBank>(), new RubricVectors(embedder), file.FullName, output);
            return 0;
        });
    }

    /// <summary>Runs a verb; invalid settings end it with the list of keys at fault and exit code 2, never a stack trace.</summary>
    private static async Task<int> WithConfigurationErrorsAsync(TextWriter error, Func<Task<int>> verb)
    {
        try
        {
            return await verb();
        }
        catch (OptionsValidationException ex)
        {
            await ReportConfigurationErrorAsync(ex, error);
            return ConfigurationError;
        }
        catch (KnowledgeFormatException ex)
        {
            await error.WriteLineAsync($"Knowledge error: {ex.Message}");
            await error.WriteLineAsync("Fix the file (or point Knowledge:Path / Quiz:BankPath elsewhere) and start again.");
            return ConfigurationError;
        }
    }

    /// <summary>The feature services without any adapter or hosted service, options validated as at start-up.</summary>
    public static ServiceProvider BuildServices(string[] configArgs, string? extraJsonFile = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = configArgs,
            ContentRootPath = AppContext.BaseDirectory,
        });
        CoachConfiguration.AddSources(builder.Configuration, builder.Environment.EnvironmentName);
        if (extraJsonFile is not null)
        {
            builder.Configuration.AddJsonFile(extraJsonFile, optional: false, reloadOnChange: false);
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(builder.Configuration);
        services.AddLogging(logging => CoachHostFactory.ConfigureLogging(logging, builder.Configuration, quiet: true));
        services.AddCoachFeatures(builder.Configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        provider.GetService<IStartupValidator>()?.Validate();
        return provider;
    }

    private static async Task ReportConfigurationErrorAsync(OptionsValidationException exception, TextWriter error)
    {
        await error.WriteLineAsync("Configuration error: CoachBot cannot start until these settings are fixed:");
        foreach (var failure in ConfigurationErrorFormatter.Format(exception))
        {
            await error.WriteLineAsync("  - " + failure);
        }

        await error.WriteLineAsync("Settings come from appsettings.json, user secrets and environment variables (e.g. Llm__ApiKey). See appsettings.example.json.");
    }
}
