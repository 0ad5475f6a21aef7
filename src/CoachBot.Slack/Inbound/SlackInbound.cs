using System.Text.Json;

namespace CoachBot.Slack.Inbound;

/// <summary>
/// One acknowledged delivery waiting to be processed: what kind it is and its payload (an Events API body, a slash
/// command or an interactivity payload, as JSON). Both transports produce these; the worker consumes them.
/// </summary>
public sealed record SlackInbound(SlackInboundKind Kind, JsonElement Payload, string Transport);
