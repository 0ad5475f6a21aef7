using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CoachBot.Testing.FakeDiscord;

/// <summary>
/// Direct messages as Discord does them: <c>POST /users/@me/channels</c> with <c>recipient_id</c> returns the DM
/// channel (type 1; here <c>dm-&lt;user id&gt;</c>), messages are posted into it with the ordinary create-message route,
/// and a member who closed DMs (<see cref="RefuseDirectMessages"/>) gets 403 with code 50007.
/// </summary>
public sealed partial class FakeDiscordServer
{
    public const string DirectMessageChannelPrefix = "dm-";

    private readonly ConcurrentDictionary<string, bool> _dmRefused = new(StringComparer.Ordinal);

    /// <summary>From now on, messages to this user's DM channel fail with 50007 "Cannot send messages to this user".</summary>
    public void RefuseDirectMessages(string userId) => _dmRefused[userId] = true;

    /// <summary>The DM channel id the fake returns for a user.</summary>
    public static string DirectMessageChannelOf(string userId) => DirectMessageChannelPrefix + userId;

    private bool DirectMessagesRefused(string channel) =>
        channel.StartsWith(DirectMessageChannelPrefix, StringComparison.Ordinal) && _dmRefused.ContainsKey(channel[DirectMessageChannelPrefix.Length..]);

    private (int, JsonNode?) CreateDirectMessageChannel(HttpContext context, JsonNode? body)
    {
        var recipient = body?["recipient_id"]?.GetValue<string>();
        if (string.IsNullOrEmpty(recipient) || !recipient.All(char.IsAsciiDigit))
        {
            return Error(400, 50035, "Invalid Form Body: recipient_id");
        }

        return Json(200, new JsonObject
        {
            ["id"] = DirectMessageChannelOf(recipient),
            ["type"] = 1,
            ["recipients"] = new JsonArray(new JsonObject { ["id"] = recipient, ["username"] = "member" }),
        });
    }
}
