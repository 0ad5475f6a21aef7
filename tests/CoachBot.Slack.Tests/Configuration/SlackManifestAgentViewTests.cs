using CoachBot.Slack.Agent;
using CoachBot.Slack.Manifest;

namespace CoachBot.Slack.Tests.Configuration;

public sealed class SlackManifestAgentViewTests
{
    private const string Manifest = "features:\n  app_home:\n    messages_tab_enabled: true\n  bot_user:\n    display_name: CoachBot\noauth_config: {}\n";

    [Fact]
    public void Update_WritesAgentViewWithItsDescriptionAndPrompts_BeforeTheBotUser()
    {
        var updated = SlackManifestAgentView.Update(Manifest);

        Assert.StartsWith("features:\n  app_home:\n    messages_tab_enabled: true\n" + SlackManifestAgentView.Marker + "\n  agent_view:\n", updated, StringComparison.Ordinal);
        Assert.EndsWith("  bot_user:\n    display_name: CoachBot\noauth_config: {}\n", updated, StringComparison.Ordinal);
        Assert.Contains("    agent_description: \"" + SlackAgentPrompts.Description + "\"\n", updated, StringComparison.Ordinal);
        Assert.DoesNotContain("assistant_view", updated, StringComparison.Ordinal);
        Assert.Equal(SlackAgentPrompts.Prompts.Count, updated.Split('\n').Count(l => l.StartsWith("      - title: ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Update_OfAnUpdatedManifest_ChangesNothing()
    {
        var once = SlackManifestAgentView.Update(Manifest);

        Assert.Equal(once, SlackManifestAgentView.Update(once));
    }

    [Fact]
    public void Prompts_FitSlacksLimitOfFour()
    {
        Assert.InRange(SlackAgentPrompts.Prompts.Count, 1, SlackAgentPrompts.MaxPrompts);
    }
}
