using System.Collections.Frozen;

namespace CoachBot.Slack.Commands;

/// <summary>
/// The names the coach's commands have on Slack. Slack keeps its built-in slash commands for itself: an app cannot
/// register one, and a manifest naming one is refused with "the slash command has an invalid name" for the whole
/// <c>slash_commands</c> list, so no command registers at all. A core command whose name is a built-in is registered
/// as <c>coach-&lt;name&gt;</c> (<c>/coach-remind</c>); every other name stays as it is. Only Slack sees these names:
/// the core, Discord and the terminal keep the plain ones.
/// </summary>
public static class SlackCommandNames
{
    public const string Prefix = "coach-";

    /// <summary>
    /// Slack's built-in slash commands, as far as public sources list them (Slack publishes no machine-readable list).
    /// Renaming costs little, so a name any source calls built-in is treated as one.
    /// </summary>
    public static readonly FrozenSet<string> BuiltIns = new[]
    {
        // docs.slack.dev "Implementing slash commands" (Built-in slash commands: "such as /topic and /remind"), and
        // api.slack.com/slash-commands ("Commands like /topic and /remind are built into Slack").
        "topic", "remind",
        // NousResearch/hermes-agent PR #18456 (its list of 19 built-ins Slack's manifest check refuses); /status was the
        // one Slack rejected in its issue #17054 and in openclaw/openclaw PR #29032, which says one reserved name
        // invalidates the whole slash_commands array.
        "status", "me", "join", "away", "dnd", "shrug", "msg", "feed", "who", "collapse", "expand", "leave", "open",
        "search", "mute", "pro", "shortcuts",
        // openclaw/openclaw PR #29032 lists /help among Slack's reserved names (hermes-agent #17054 found /help
        // accepted in one workspace: kept here because the two disagree and /help would also collide with Slack's own).
        "help",
        // Slack's help-centre list of built-ins (slack.com/help "Use built-in slash commands"; not in the search index,
        // taken from the CoachBot brief): /feedback sends feedback to Slack itself.
        "feedback", "active", "invite", "dm", "archive", "apps", "call", "prefs",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when Slack keeps <paramref name="coreName"/> for itself, so the coach registers it renamed.</summary>
    public static bool IsBuiltIn(string coreName) => BuiltIns.Contains(coreName.TrimStart('/'));

    /// <summary>The command's name on Slack, without the slash: <c>remind</c> → <c>coach-remind</c>, <c>quiz</c> → <c>quiz</c>.</summary>
    public static string ToSlack(string coreName)
    {
        ArgumentNullException.ThrowIfNull(coreName);
        var name = coreName.TrimStart('/');
        return IsBuiltIn(name) ? Prefix + name : name;
    }

    /// <summary>
    /// The core's name for a command as Slack sends or a member types it, without the slash: <c>/coach-remind</c> →
    /// <c>remind</c>; any other name (<c>/quiz</c>, and a plain <c>/remind</c> typed in a DM) is returned as it is.
    /// </summary>
    public static string ToCore(string slackName)
    {
        ArgumentNullException.ThrowIfNull(slackName);
        var name = slackName.Trim().TrimStart('/');
        return name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && IsBuiltIn(name[Prefix.Length..])
            ? name[Prefix.Length..]
            : name;
    }
}
