using CoachBot.Core.Platforms;
using System.ComponentModel.DataAnnotations;

namespace CoachBot.Slack.Configuration;

/// <summary>
/// Slack adapter settings, bound from the "Slack" section. A bot token turns the adapter on; with none the adapter
/// is not registered at all. Secrets here are never logged (see <see cref="ToString"/>).
/// </summary>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";

    public const string DefaultApiBaseUrl = "https://slack.com/api/";

    /// <summary>Bot token (xoxb-…) used for every Web API call.</summary>
    public string? BotToken { get; set; }

    /// <summary>App-level token (xapp-…) with connections:write; Socket Mode only.</summary>
    public string? AppToken { get; set; }

    /// <summary>Signing secret from the app's Basic Information page; HTTP mode only.</summary>
    public string? SigningSecret { get; set; }

    public SlackMode Mode { get; set; } = SlackMode.SocketMode;

    /// <summary>Web API base; tests point it at a fake on 127.0.0.1.</summary>
    [Required]
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>The response_url host Slack uses; the only one allowed when <see cref="ResponseUrlHosts"/> is empty.</summary>
    public const string DefaultResponseUrlHost = "hooks.slack.com";

    /// <summary>
    /// Hosts a response_url may point to (exact names). Empty: <see cref="DefaultResponseUrlHost"/>. Any other
    /// response_url is refused (logged with its host only) and the reply goes through the Web API instead.
    /// </summary>
    public IList<string> ResponseUrlHosts { get; } = [];

    /// <summary>Also accept http:// response_urls on <see cref="ResponseUrlHosts"/> (for tests against a loopback fake). Off by default.</summary>
    public bool AllowInsecureResponseUrls { get; set; }

    /// <summary>The response_url hosts in force: <see cref="ResponseUrlHosts"/>, or Slack's own when none are set.</summary>
    public IReadOnlyList<string> ResponseUrlHostsInForce() =>
        ResponseUrlHosts.Count == 0 ? [DefaultResponseUrlHost] : [.. ResponseUrlHosts.Select(h => h.Trim())];

    /// <summary>Slack user ids (U…) treated as moderators.</summary>
    public IList<string> ModeratorUserIds { get; } = [];

    /// <summary>Slack user group ids (S…) whose members are moderators (needs usergroups:read).</summary>
    public IList<string> ModeratorUserGroupIds { get; } = [];

    /// <summary>Socket Mode connections kept open at once (Slack delivers each envelope to one of them).</summary>
    [Range(1, 10)]
    public int SocketConnections { get; set; } = 2;

    /// <summary>
    /// Socket Mode: how many CoachBot processes hold connections with this app token (each with
    /// <see cref="SocketConnections"/>). Slack allows 10 connections per app, so <c>SocketProcesses × SocketConnections</c>
    /// must stay within 10; a process cannot see the others, so this is what the check at start relies on.
    /// </summary>
    [Range(1, 10)]
    public int SocketProcesses { get; set; } = 1;

    /// <summary>Slack's limit of open Socket Mode connections per app.</summary>
    public const int MaxSocketConnectionsPerApp = 10;

    /// <summary>Delay between opening the Socket Mode connections, so their refreshes don't coincide.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan SocketConnectionDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>HTTP mode request path for events (Slack "Request URL" of Event Subscriptions).</summary>
    public string EventsPath { get; set; } = "/slack/events";

    /// <summary>HTTP mode request path for slash commands; may equal <see cref="EventsPath"/> (one path for all, like Bolt).</summary>
    public string CommandsPath { get; set; } = "/slack/events";

    /// <summary>HTTP mode request path for interactivity; may equal <see cref="EventsPath"/>.</summary>
    public string InteractivityPath { get; set; } = "/slack/events";

    /// <summary>Requests worked on at the same time (retrieval, composing, posting); awaiting the LLM holds no place (Llm:MaxConcurrentRequests bounds that).</summary>
    [Range(1, 256)]
    public int MaxConcurrentRequests { get; set; } = 16;

    /// <summary>
    /// Requests acknowledged but not yet processed. Beyond this an event waits up to 2 s for room, then is refused
    /// unrecorded (503 / no ack) so Slack delivers it again; commands and interactions are queued anyway.
    /// </summary>
    [Range(16, 100_000)]
    public int QueueCapacity { get; set; } = 1024;

    /// <summary>
    /// How long an acknowledged delivery is worth answering: one not answered within this (a crash, a shutdown) is
    /// not replayed after a restart. Slack's response_url lives 30 minutes, hence the default.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan DeliveryUsefulLife { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// On shutdown, how long work in hand may still run after intake stopped; what is unfinished then stays in the
    /// inbox for the next start. Keep it below the host's shutdown timeout (30 s by default).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Minimum gap between two chat.postMessage calls to one channel (Slack allows about one per second).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan PerChannelMessageInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Attempts per Web API call when Slack answers 429 or the network fails (the first call included).</summary>
    [Range(1, 10)]
    public int MaxApiAttempts { get; set; } = 4;

    /// <summary>
    /// Times a message showing an uploaded image (a chart) is sent again while Slack still processes the file
    /// (invalid_blocks naming the slack_file); after that it goes without the picture, whose figures are in its text.
    /// </summary>
    [Range(0, 10)]
    public int ImageNotReadyRetries { get; set; } = 3;

    /// <summary>The wait before the first of those retries; each next one waits twice as long.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan ImageNotReadyRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Show model-written answers in threads as they are written (chat.startStream / appendStream / stopStream, or a
    /// paced chat.update where Slack refuses the stream). Off: each answer is posted once, complete.
    /// </summary>
    public bool StreamAnswers { get; set; } = true;

    public override string ToString() =>
        $"Slack(Mode={Mode}, ApiBaseUrl={ApiBaseUrl}, BotToken={(string.IsNullOrEmpty(BotToken) ? "unset" : "set")}, " +
        $"AppToken={(string.IsNullOrEmpty(AppToken) ? "unset" : "set")}, SigningSecret={(string.IsNullOrEmpty(SigningSecret) ? "unset" : "set")})";
}
