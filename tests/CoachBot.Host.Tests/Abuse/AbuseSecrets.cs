namespace CoachBot.Host.Tests.Abuse;

/// <summary>
/// Fake but distinctive credentials the abuse hosts run with. None may show up in anything the bot sends (messages,
/// edits, response_url posts, LLM prompts) or logs; each has a unique core so a trimmed or partial echo is caught too.
/// </summary>
public static class AbuseSecrets
{
    public const string DiscordToken = "abuse-bot-token.QUJV.secret-Zk9vYmFy7d41";
    public const string SlackBotToken = "xoxb-abuse-bot-token-7f3c9e1d";
    public const string SlackAppToken = "xapp-abuse-app-token-4b8a2c6e";
    public const string SlackSigningSecret = "abuse-signing-secret-93d1f0aa";
    public const string LlmApiKey = "sk-abuse-llm-key-5e2b7c1f9a";

    private static readonly string[] Cores = ["Zk9vYmFy7d41", "7f3c9e1d", "4b8a2c6e", "93d1f0aa", "5e2b7c1f9a"];

    /// <summary>The first secret core found in <paramref name="text"/>, or null.</summary>
    public static string? FindIn(string? text) =>
        string.IsNullOrEmpty(text) ? null : Cores.FirstOrDefault(core => text.Contains(core, StringComparison.OrdinalIgnoreCase));
}
