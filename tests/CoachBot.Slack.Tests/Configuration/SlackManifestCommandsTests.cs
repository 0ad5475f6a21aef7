using CoachBot.Slack.Manifest;

namespace CoachBot.Slack.Tests.Configuration;

public sealed class SlackManifestCommandsTests
{
    private static readonly CommandDefinition Challenge = new("challenge", "Weekly \"challenges\"")
    {
        Subcommands =
        [
            new CommandDefinition("schedule", "Schedule") { Options = [new CommandOption("day", "Day") { Required = true }, new CommandOption("channel", "Where", CommandOptionType.Channel)] },
            new CommandDefinition("current", "Current"),
        ],
    };

    private static readonly CommandDefinition Leaderboard = new("leaderboard", "Ranking") { Options = [new CommandOption("period", "week or all")] };

    [Fact]
    public void Render_WritesEachCommandWithItsHint_AndAsksSlackToEscapeMentions()
    {
        var yaml = SlackManifestCommands.Render([Challenge, Leaderboard]);

        Assert.Equal(
            SlackManifestCommands.Marker + "\n"
            + "  slash_commands:\n"
            + "    - command: /challenge\n"
            + "      description: \"Weekly \\\"challenges\\\"\"\n"
            + "      usage_hint: \"schedule <day> [channel] | current\"\n"
            + "      should_escape: true\n"
            + "      # url: https://coachbot.example.com/slack/events\n"
            + "    - command: /leaderboard\n"
            + "      description: \"Ranking\"\n"
            + "      usage_hint: \"[period]\"\n"
            + "      should_escape: true\n"
            + "      # url: https://coachbot.example.com/slack/events\n",
            yaml);
    }

    [Fact]
    public void Update_ReplacesOnlyTheSlashCommandSection()
    {
        const string manifest = "features:\n  bot_user:\n    display_name: CoachBot\n  slash_commands:\n    - command: /old\n      should_escape: false\noauth_config:\n  scopes: {}\n";

        var updated = SlackManifestCommands.Update(manifest, [Leaderboard]);

        Assert.StartsWith("features:\n  bot_user:\n    display_name: CoachBot\n" + SlackManifestCommands.Marker + "\n", updated, StringComparison.Ordinal);
        Assert.DoesNotContain("/old", updated, StringComparison.Ordinal);
        Assert.EndsWith("      # url: https://coachbot.example.com/slack/events\noauth_config:\n  scopes: {}\n", updated, StringComparison.Ordinal);
        Assert.Equal(updated, SlackManifestCommands.Update(updated, [Leaderboard]));
    }
}
