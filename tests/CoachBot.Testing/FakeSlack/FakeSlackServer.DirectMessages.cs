using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace CoachBot.Testing.FakeSlack;

/// <summary>
/// conversations.open with <c>users</c> = one member: the bot's DM with them (<c>D&lt;user id&gt;</c>), or the error
/// scripted for that member with <see cref="RefuseDirectMessages"/> (Slack's <c>user_not_found</c>,
/// <c>user_disabled</c>, <c>cannot_dm_bot</c>, …).
/// </summary>
public sealed partial class FakeSlackServer
{
    private readonly ConcurrentDictionary<string, string> _dmErrors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _openedDirectMessages = new(StringComparer.Ordinal);

    public void RefuseDirectMessages(string userId, string error = "user_not_found") => _dmErrors[userId] = error;

    /// <summary>The DM channel id the fake returns for a member.</summary>
    public static string DirectMessageChannelOf(string userId) => "D" + userId;

    private JsonObject OpenDirectMessage(JsonObject body)
    {
        var users = (string?)body["users"];
        if (string.IsNullOrEmpty(users) || users.Contains(',', StringComparison.Ordinal))
        {
            return Error(string.IsNullOrEmpty(users) ? "users_list_not_supplied" : "not_enough_users");
        }

        if (_dmErrors.TryGetValue(users, out var error))
        {
            return Error(error);
        }

        _openedDirectMessages[DirectMessageChannelOf(users)] = true;
        return new JsonObject { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = DirectMessageChannelOf(users) } };
    }
}
