namespace CoachBot.Testing.FakeDiscord;

/// <summary>
/// Guilds, their roles and their members, as the REST API shows them to a bot in the guild:
/// <list type="bullet">
/// <item>GET /guilds/{guild.id} (https://discord.com/developers/docs/resources/guild#get-guild): the guild object with
/// <c>owner_id</c> and <c>roles</c>, role objects (https://discord.com/developers/docs/topics/permissions#role-object)
/// whose <c>permissions</c> is a decimal string; the @everyone role's id is the guild's id. An unknown guild is 404
/// with code 10004 "Unknown Guild".</item>
/// <item>GET /guilds/{guild.id}/members/{user.id} (https://discord.com/developers/docs/resources/guild#get-guild-member):
/// the guild member object (<c>user</c>, <c>nick</c>, <c>roles</c> as role ids without @everyone, <c>joined_at</c>,
/// <c>communication_disabled_until</c>, …, and no <c>permissions</c>, which only interactions carry). Someone not in the
/// guild is 404 with code 10007 "Unknown Member".</item>
/// </list>
/// <see cref="FailRequestsTo"/> makes matching requests fail with a 5xx, as when Discord has an outage.
/// </summary>
public sealed partial class FakeDiscordServer
{
    private readonly ConcurrentDictionary<string, FakeGuild> _guilds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _failing = new(StringComparer.Ordinal);

    /// <summary>Makes a guild known, owned by <paramref name="ownerId"/>, whose @everyone role grants <paramref name="everyonePermissions"/>.</summary>
    public void AddGuild(string guildId, string ownerId, ulong everyonePermissions = 0)
    {
        var guild = new FakeGuild(ownerId);
        guild.Roles[guildId] = everyonePermissions;
        _guilds[guildId] = guild;
    }

    /// <summary>Adds (or changes) a role of the guild with these permission bits.</summary>
    public void AddRole(string guildId, string roleId, ulong permissions) => Guild(guildId).Roles[roleId] = permissions;

    /// <summary>Makes <paramref name="userId"/> a member of the guild holding exactly <paramref name="roleIds"/> (replacing earlier roles).</summary>
    public void SetMember(string guildId, string userId, params string[] roleIds) =>
        Guild(guildId).Members[userId] = new FakeGuildMember(roleIds, null);

    /// <summary>Times the member out until <paramref name="until"/> (communication_disabled_until).</summary>
    public void TimeOutMember(string guildId, string userId, DateTimeOffset until)
    {
        var guild = Guild(guildId);
        guild.Members[userId] = guild.Members[userId] with { TimedOutUntil = until };
    }

    /// <summary>The member leaves (or is removed from) the guild.</summary>
    public void RemoveMember(string guildId, string userId) => Guild(guildId).Members.TryRemove(userId, out _);

    /// <summary>From now on, requests whose path contains <paramref name="pathContains"/> answer <paramref name="status"/> (e.g. 502) until <see cref="StopFailing"/>.</summary>
    public void FailRequestsTo(string pathContains, int status = 502) => _failing[pathContains] = status;

    public void StopFailing() => _failing.Clear();

    private FakeGuild Guild(string guildId) =>
        _guilds.TryGetValue(guildId, out var guild) ? guild : throw new InvalidOperationException($"Add guild {guildId} first.");

    private int? FailureFor(string path) =>
        _failing.Where(f => path.Contains(f.Key, StringComparison.Ordinal)).Select(f => (int?)f.Value).FirstOrDefault();

    private (int, JsonNode?) GetGuild(HttpContext context, JsonNode? body)
    {
        var id = (string?)context.Request.RouteValues["guild"] ?? string.Empty;
        if (!_guilds.TryGetValue(id, out var guild))
        {
            return Error(404, 10004, "Unknown Guild");
        }

        var roles = new JsonArray();
        var position = 0;
        foreach (var (roleId, permissions) in guild.Roles.OrderBy(r => r.Key == id ? 0 : 1).ThenBy(r => r.Key, StringComparer.Ordinal))
        {
            roles.Add(new JsonObject
            {
                ["id"] = roleId,
                ["name"] = roleId == id ? "@everyone" : "role-" + roleId,
                ["color"] = 0,
                ["hoist"] = false,
                ["position"] = position++,
                ["permissions"] = permissions.ToString(CultureInfo.InvariantCulture),
                ["managed"] = false,
                ["mentionable"] = false,
                ["flags"] = 0,
            });
        }

        return Json(200, new JsonObject
        {
            ["id"] = id,
            ["name"] = "guild-" + id,
            ["icon"] = null,
            ["owner_id"] = guild.OwnerId,
            ["roles"] = roles,
            ["emojis"] = new JsonArray(),
            ["features"] = new JsonArray(),
            ["verification_level"] = 0,
            ["premium_tier"] = 0,
        });
    }

    private (int, JsonNode?) GetGuildMember(HttpContext context, JsonNode? body)
    {
        var guildId = (string?)context.Request.RouteValues["guild"] ?? string.Empty;
        var userId = (string?)context.Request.RouteValues["user"] ?? string.Empty;
        if (!_guilds.TryGetValue(guildId, out var guild))
        {
            return Error(404, 10004, "Unknown Guild");
        }

        if (!guild.Members.TryGetValue(userId, out var member))
        {
            return Error(404, 10007, "Unknown Member");
        }

        var roles = new JsonArray();
        foreach (var role in member.RoleIds)
        {
            roles.Add(role);
        }

        return Json(200, new JsonObject
        {
            ["user"] = new JsonObject { ["id"] = userId, ["username"] = "member-" + userId, ["discriminator"] = "0", ["global_name"] = null },
            ["nick"] = null,
            ["roles"] = roles,
            ["joined_at"] = "2026-01-01T00:00:00.000000+00:00",
            ["deaf"] = false,
            ["mute"] = false,
            ["flags"] = 0,
            ["pending"] = false,
            ["communication_disabled_until"] = member.TimedOutUntil?.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture),
        });
    }

    private sealed class FakeGuild(string ownerId)
    {
        public string OwnerId { get; } = ownerId;

        public ConcurrentDictionary<string, ulong> Roles { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, FakeGuildMember> Members { get; } = new(StringComparer.Ordinal);
    }

    private sealed record FakeGuildMember(IReadOnlyList<string> RoleIds, DateTimeOffset? TimedOutUntil);
}
