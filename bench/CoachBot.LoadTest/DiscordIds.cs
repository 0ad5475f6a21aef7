using System.Globalization;
using System.Text.Json.Nodes;
using CoachBot.Testing.FakeDiscord;

namespace CoachBot.LoadTest;

/// <summary>
/// Snowflake-shaped ids for the simulated community: members, guilds (events spread round-robin over --guilds) and one
/// channel per event, so no two quizzes or interviews share a conversation. Builders for the events themselves.
/// </summary>
internal static class DiscordIds
{
    private const long FirstGuild = 300_000_000_000_000_000;
    private const long FirstChannel = 600_000_000_000_000_000;
    private const long FirstMember = 700_000_000_000_000_000;

    public static string Member(int member) => Id(FirstMember + member);

    /// <summary>
    /// Guild <c>index % guilds</c>. Consecutive guilds differ in the bits above the snowflake's low 22 (its timestamp
    /// part), so they fall on consecutive shards ((guild_id &gt;&gt; 22) % shard count) and spread evenly over any split.
    /// </summary>
    public static string Guild(int index, int guilds) => Id(FirstGuild + ((long)(index % guilds) << 22));

    /// <summary>The shard Discord delivers a guild's events on.</summary>
    public static int Shard(string guildId, int shards) =>
        (int)((ulong.Parse(guildId, NumberStyles.None, CultureInfo.InvariantCulture) >> 22) % (ulong)shards);

    public static string Channel(int index) => Id(FirstChannel + index);

    /// <summary>The parent channel of the threads /ask is typed in with --ask-in thread.</summary>
    public static string ThreadParent { get; } = Id(FirstChannel - 1);

    /// <summary>/ask typed in <paramref name="channel"/>, or, <paramref name="inThread"/>, in a public thread with that id.</summary>
    public static JsonObject Ask(string question, string user, string guild, string channel, bool inThread)
    {
        var ask = FakeDiscordEvents.SlashCommand("ask", [FakeDiscordEvents.Option("question", question)], user, guild, channel);
        if (inThread)
        {
            ask["channel"] = new JsonObject { ["id"] = channel, ["type"] = 11, ["parent_id"] = ThreadParent, ["guild_id"] = guild };
        }

        return ask;
    }

    public static JsonObject StartQuiz(string user, string guild, string channel) =>
        FakeDiscordEvents.SlashCommand(
            "quiz",
            [FakeDiscordEvents.Option("skill", ScenarioDefaults.QuizSkill), FakeDiscordEvents.Option("questions", ScenarioDefaults.Questions)],
            user,
            guild,
            channel);

    public static JsonObject StartInterview(string user, string guild, string channel) =>
        FakeDiscordEvents.SlashCommand(
            "interview",
            [
                new JsonObject
                {
                    ["name"] = "start",
                    ["type"] = 1,
                    ["options"] = new JsonArray(
                        FakeDiscordEvents.Option("level", ScenarioDefaults.InterviewLevel),
                        FakeDiscordEvents.Option("track", ScenarioDefaults.InterviewTrack),
                        FakeDiscordEvents.Option("questions", ScenarioDefaults.Questions)),
                },
            ],
            user,
            guild,
            channel);

    private static string Id(long value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What the quizzes and interviews started before a burst are about.</summary>
internal static class ScenarioDefaults
{
    public const string QuizSkill = "databases";
    public const string InterviewLevel = "junior";
    public const string InterviewTrack = "databases";
    public const int Questions = 3;

    /// <summary>Quizzes and interviews are started this many at a time before the burst (not measured).</summary>
    public const int SetupBatch = 50;
}
