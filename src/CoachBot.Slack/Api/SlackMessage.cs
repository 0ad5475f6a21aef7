using System.Text.Json.Nodes;

namespace CoachBot.Slack.Api;

/// <summary>
/// One Slack message ready to send: Block Kit <see cref="Blocks"/> plus the <see cref="Text"/> fallback used for
/// notifications and screen readers. Both are already escaped mrkdwn; build them with <c>SlackReplyRenderer</c>.
/// </summary>
public sealed record SlackMessage(string Text, IReadOnlyList<JsonObject> Blocks)
{
    /// <summary>The blocks as a fresh array (JSON nodes can have one parent, so each request gets copies).</summary>
    public JsonArray BlocksJson() => new([.. Blocks.Select(b => b.DeepClone())]);
}
