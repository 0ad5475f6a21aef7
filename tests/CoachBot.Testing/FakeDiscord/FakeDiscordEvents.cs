namespace CoachBot.Testing.FakeDiscord;

/// <summary>
/// Builders for the dispatch payloads Discord sends (INTERACTION_CREATE, MESSAGE_CREATE, THREAD_CREATE), shaped like
/// the real ones (trimmed). Ids default to fixed guild/channel/user snowflakes.
/// </summary>
public static class FakeDiscordEvents
{
    public const string GuildId = "222222222222222222";
    public const string ChannelId = "444444444444444444";
    public const string UserId = "555555555555555555";
    public const string OtherUserId = "565656565656565656";
    public const string DmChannelId = "777000000000000001";

    /// <summary>Everyone's permissions without Manage Server / Administrator (view, send, read history…).</summary>
    public const string MemberPermissions = "68608";

    /// <summary>Includes Manage Server (0x20).</summary>
    public const string ModeratorPermissions = "68640";

    private static long _nextId = 800_000_000_000_000_000;

    public static string NextId() => Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static JsonObject User(string userId, string name = "alice") => new()
    {
        ["id"] = userId,
        ["username"] = name,
        ["global_name"] = char.ToUpperInvariant(name[0]) + name[1..],
        ["discriminator"] = "0",
        ["avatar"] = null,
    };

    /// <summary>A chat-input command; options like <c>[{"name":"question","type":3,"value":"…"}]</c>.</summary>
    public static JsonObject SlashCommand(
        string name,
        JsonArray? options = null,
        string userId = UserId,
        string? guildId = GuildId,
        string channelId = ChannelId,
        string permissions = MemberPermissions)
    {
        var interaction = Interaction(2, userId, guildId, channelId, permissions);
        interaction["data"] = new JsonObject
        {
            ["id"] = NextId(),
            ["name"] = name,
            ["type"] = 1,
            ["options"] = options ?? [],
        };
        return interaction;
    }

    public static JsonObject Option(string name, string value) => new() { ["name"] = name, ["type"] = 3, ["value"] = value };

    public static JsonObject Option(string name, int value) => new() { ["name"] = name, ["type"] = 4, ["value"] = value };

    /// <summary>A button click on a message the bot posted.</summary>
    public static JsonObject ButtonClick(
        string customId,
        string userId = UserId,
        string? guildId = GuildId,
        string channelId = ChannelId,
        string? messageId = null,
        string botUserId = "111111111111111111")
    {
        var interaction = Interaction(3, userId, guildId, channelId, MemberPermissions);
        interaction["message"] = new JsonObject
        {
            ["id"] = messageId ?? NextId(),
            ["channel_id"] = channelId,
            ["author"] = new JsonObject { ["id"] = botUserId, ["username"] = "coachbot", ["bot"] = true },
            ["content"] = "Question",
            ["type"] = 0,
            ["flags"] = 0,
        };
        interaction["data"] = new JsonObject { ["component_type"] = 2, ["custom_id"] = customId };
        return interaction;
    }

    /// <summary>A modal submit with label-wrapped text inputs.</summary>
    public static JsonObject ModalSubmit(string customId, IReadOnlyDictionary<string, string> fields, string userId = UserId, string? guildId = GuildId, string channelId = ChannelId)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var interaction = Interaction(5, userId, guildId, channelId, MemberPermissions);
        var components = new JsonArray();
        foreach (var (id, value) in fields)
        {
            components.Add(new JsonObject { ["type"] = 18, ["component"] = new JsonObject { ["type"] = 4, ["custom_id"] = id, ["value"] = value } });
        }

        interaction["data"] = new JsonObject { ["custom_id"] = customId, ["components"] = components };
        return interaction;
    }

    /// <summary>A guild message; <paramref name="mentionBotId"/> adds <c>&lt;@id&gt;</c> in front and to mentions[].</summary>
    public static JsonObject GuildMessage(
        string content,
        string? mentionBotId = null,
        string userId = UserId,
        string guildId = GuildId,
        string channelId = ChannelId,
        bool authorIsBot = false)
    {
        var author = User(userId);
        if (authorIsBot)
        {
            author["bot"] = true;
        }

        var mentions = new JsonArray();
        if (mentionBotId is not null)
        {
            content = $"<@{mentionBotId}> {content}";
            mentions.Add(new JsonObject { ["id"] = mentionBotId, ["username"] = "coachbot", ["bot"] = true, ["discriminator"] = "0" });
        }

        return new JsonObject
        {
            ["id"] = NextId(),
            ["channel_id"] = channelId,
            ["guild_id"] = guildId,
            ["author"] = author,
            ["member"] = new JsonObject { ["roles"] = new JsonArray(), ["joined_at"] = "2024-01-01T00:00:00.000000+00:00", ["nick"] = null },
            ["content"] = content,
            ["timestamp"] = "2025-05-01T12:00:00.000000+00:00",
            ["tts"] = false,
            ["mention_everyone"] = false,
            ["mentions"] = mentions,
            ["mention_roles"] = new JsonArray(),
            ["attachments"] = new JsonArray(),
            ["embeds"] = new JsonArray(),
            ["type"] = 0,
            ["flags"] = 0,
        };
    }

    /// <summary>A DM to the bot (no guild_id, no member).</summary>
    public static JsonObject DirectMessage(string content, string userId = UserId, string channelId = DmChannelId) => new()
    {
        ["id"] = NextId(),
        ["channel_id"] = channelId,
        ["author"] = User(userId),
        ["content"] = content,
        ["timestamp"] = "2025-05-01T12:00:00.000000+00:00",
        ["mentions"] = new JsonArray(),
        ["type"] = 0,
        ["flags"] = 0,
    };

    private static JsonObject Interaction(int type, string userId, string? guildId, string channelId, string permissions)
    {
        var interaction = new JsonObject
        {
            ["id"] = NextId(),
            ["type"] = type,
            ["version"] = 1,
            ["channel_id"] = channelId,
            ["channel"] = new JsonObject { ["id"] = channelId, ["type"] = guildId is null ? 1 : 0 },
            ["app_permissions"] = "2248473465835073",
            ["locale"] = "en-US",
            ["context"] = guildId is null ? 1 : 0,
        };
        if (guildId is null)
        {
            interaction["user"] = User(userId);
        }
        else
        {
            interaction["guild_id"] = guildId;
            interaction["member"] = new JsonObject
            {
                ["user"] = User(userId),
                ["roles"] = new JsonArray(),
                ["permissions"] = permissions,
                ["nick"] = null,
            };
        }

        return interaction;
    }
}
