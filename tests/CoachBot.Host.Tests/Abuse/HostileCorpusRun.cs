namespace CoachBot.Host.Tests.Abuse;

/// <summary>
/// The run each chat platform's abuse test makes of one category of the hostile corpus: deliver every input (in
/// parallel, raw frames one at a time), wait until the bot is quiet, check that a normal /ask is still answered, then
/// check everything the bot sent (the platform's checks), every model request and every log entry. A platform's test
/// says how to deliver an input, how to probe and what it sent (one contract suite, run once per platform).
/// </summary>
/// <param name="platformName">Names the platform in the findings.</param>
/// <param name="deliveryKind">The platform's own malformed deliveries (a gateway dispatch, a Socket Mode envelope).</param>
/// <param name="frameKind">The kind of input that may cost the connection, so it goes one at a time.</param>
/// <param name="llm">The fake model the host talks to.</param>
/// <param name="logs">Every log entry of the host.</param>
public abstract class HostileCorpusRun(string platformName, string deliveryKind, string frameKind, FakeOpenAiServer llm, CapturingLoggerProvider logs)
{
    protected const string ProbeQuestion = "What should I learn first to become a backend developer?";
    private const int Parallelism = 8;

    /// <summary>Which input each channel, message, token or response URL was made for, to name it in a finding.</summary>
    protected ConcurrentDictionary<string, string> Owners { get; } = new(StringComparer.Ordinal);

    /// <summary>The categories a platform's test runs: the shared kinds plus its own malformed deliveries and raw frames.</summary>
    protected static TheoryData<string> CategoriesFor(string deliveryKind, string frameKind) => HostileCorpus.CategoriesOf(
        HostileInput.TextKind,
        HostileInput.CommandKind,
        HostileInput.ButtonKind,
        HostileInput.FormKind,
        deliveryKind,
        frameKind);

    /// <summary>Counters that stop moving once the bot is quiet (requests it made, logs it wrote).</summary>
    protected abstract Func<int>[] Activity { get; }

    /// <summary>A hostile text as the question of an /ask.</summary>
    protected abstract Task AskAsync(HostileInput input, AbuseFindings findings);

    /// <summary>A hostile text as a message mentioning the bot.</summary>
    protected abstract Task MentionAsync(HostileInput input, AbuseFindings findings);

    /// <summary>A hostile text as the answer in a running mock interview.</summary>
    protected abstract Task InterviewAnswerAsync(HostileInput input, AbuseFindings findings);

    protected abstract Task CommandAsync(HostileInput input, AbuseFindings findings);

    protected abstract Task ButtonAsync(HostileInput input, AbuseFindings findings);

    protected abstract Task FormAsync(HostileInput input, AbuseFindings findings);

    /// <summary>One of the platform's own malformed deliveries (its <c>deliveryKind</c>).</summary>
    protected abstract Task DeliverMalformedAsync(HostileInput input);

    /// <summary>A raw frame on the platform's socket (its <c>frameKind</c>).</summary>
    protected abstract Task SendFrameAsync(HostileInput input, AbuseFindings findings);

    /// <summary>Asks a normal question; a finding named <paramref name="what"/> if it is not answered.</summary>
    protected abstract Task ProbeAsync(AbuseFindings findings, string what);

    /// <summary>Marks where the outbound record stands; the returned check runs over everything sent after the mark.</summary>
    protected abstract Action<AbuseFindings> CheckOutboundFromHere();

    /// <summary>What must still hold after the category (e.g. the gateway is still connected).</summary>
    protected virtual void AssertStillConnected()
    {
    }

    /// <summary>Run by each platform's test class over its own <c>Categories</c>.</summary>
    [Theory]
    [CategoriesOfTestClass]
    public async Task HostileInputs_AreAnsweredOrCleanlyIgnored_PingOrBroadcastNoOne_LeakNoSecret_AndTheBotKeepsAnswering(string category)
    {
        var entries = HostileCorpus.InCategory(category);
        var findings = new AbuseFindings();
        var checkOutbound = CheckOutboundFromHere();
        var logsFrom = logs.Entries.Count;
        var llmFrom = llm.Requests.Count;

        var parallelism = entries.All(e => e.Kind == frameKind) ? 1 : Parallelism;
        await Parallel.ForEachAsync(entries, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (input, _) =>
        {
            try
            {
                await DeliverAsync(input, findings);
            }
#pragma warning disable CA1031 // A broken delivery is reported with its input, with the rest of the run.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                findings.Add(input, "test driver", $"{ex.GetType().Name}: {ex.Message}");
            }
        });

        await Quiet.WaitAsync(TimeSpan.FromSeconds(10), Activity);
        await ProbeAsync(findings, "a normal /ask after the '" + category + "' inputs");
        checkOutbound(findings);
        foreach (var request in llm.Requests.Skip(llmFrom))
        {
            OutboundChecks.CheckLlm(request, findings, category);
        }

        AbuseLogging.Check(logs, logsFrom, findings, "log during '" + category + "'");
        AssertStillConnected();
        findings.AssertNone($"{entries.Count} {platformName} input(s) of '{category}'");
    }

    protected string Own(string key, HostileInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Owners[key] = input.ToString();
        return key;
    }

    private Task DeliverAsync(HostileInput input, AbuseFindings findings) => input.Kind switch
    {
        HostileInput.TextKind => Task.WhenAll(AskAsync(input, findings), MentionAsync(input, findings), InterviewAnswerAsync(input, findings)),
        HostileInput.CommandKind => CommandAsync(input, findings),
        HostileInput.ButtonKind => ButtonAsync(input, findings),
        HostileInput.FormKind => FormAsync(input, findings),
        _ when input.Kind == deliveryKind => DeliverMalformedAsync(input),
        _ when input.Kind == frameKind => SendFrameAsync(input, findings),
        _ => Task.CompletedTask,
    };
}
