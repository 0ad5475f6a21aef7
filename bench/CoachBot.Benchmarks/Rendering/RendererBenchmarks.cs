using BenchmarkDotNet.Attributes;
using CoachBot.Core.Replies;
using CoachBot.Core.Safety;
using CoachBot.Discord.Models;
using CoachBot.Discord.Rendering;
using CoachBot.Slack.Api;
using CoachBot.Slack.Rendering;
using CoachBot.Terminal;
using CoachBot.Testing.Safety;

namespace CoachBot.Benchmarks.Rendering;

/// <summary>
/// Each renderer and sanitizer on each 100 KB pathological input (<see cref="PathologicalText"/>, the same inputs the
/// tests check for correctness). Target: a few milliseconds per input for every renderer (issue 14).
/// </summary>
[MemoryDiagnoser]
public class RendererBenchmarks
{
    private string _text = string.Empty;
    private Reply _reply = Reply.Public(string.Empty);

    public static IEnumerable<string> Inputs => PathologicalText.All.Select(i => i.Name);

    [ParamsSource(nameof(Inputs))]
    public string Input { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _text = PathologicalText.All.Single(i => i.Name == Input).Text;
        _reply = Reply.Public(_text);
    }

    [Benchmark(Description = "model text clean (whitespace, control chars, links)")]
    public string ModelTextClean() => ModelText.Clean(_text, LinkAllowList.None);

    [Benchmark(Description = "Discord mention guard")]
    public string Mentions() => MentionGuard.Neutralise(_text);

    [Benchmark(Description = "Slack render (mrkdwn + split)")]
    public IReadOnlyList<SlackMessage> Slack() => SlackReplyRenderer.Render(_reply);

    [Benchmark(Description = "Discord render (split)")]
    public IReadOnlyList<MessagePayload> Discord() => DiscordReplyRenderer.Render(_reply, ephemeral: false);

    [Benchmark(Description = "terminal render")]
    public string Terminal() => TerminalReplyRenderer.Render(_reply);
}
