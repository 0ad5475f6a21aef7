using Microsoft.Extensions.Options;

namespace CoachBot.Discord;

/// <summary>Rules that span keys or need parsing; each failure names the configuration key to fix.</summary>
public sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    private static readonly int[] ArchiveDurations = [60, 1440, 4320, 10080];

    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Token))
        {
            failures.Add("Discord:Token is required to run the Discord adapter (the bot token from the Developer Portal).");
        }
        else if (options.Token.Trim().StartsWith("Bot ", StringComparison.OrdinalIgnoreCase) || options.Token.Any(char.IsWhiteSpace))
        {
            failures.Add("Discord:Token must be the bare bot token, without a 'Bot ' prefix or spaces.");
        }

        if (!IsHttpUrl(options.ApiBaseUrl, "http", "https"))
        {
            failures.Add($"Discord:ApiBaseUrl must be an absolute http(s) URL such as https://discord.com/api/v10 (got '{options.ApiBaseUrl}').");
        }

        if (options.GatewayUrlOverride is { Length: > 0 } gateway && !IsHttpUrl(gateway, "ws", "wss"))
        {
            failures.Add($"Discord:GatewayUrlOverride must be an absolute ws(s) URL (got '{gateway}').");
        }

        if (!IsHttpUrl(options.UserAgentUrl, "http", "https"))
        {
            failures.Add("Discord:UserAgentUrl must be an absolute http(s) URL.");
        }

        if (options.ShardIds.Count > 0)
        {
            if (options.ShardCount is null)
            {
                failures.Add("Discord:ShardIds needs Discord:ShardCount (the total across all processes).");
            }
            else if (options.ShardIds.Any(id => id < 0 || id >= options.ShardCount))
            {
                failures.Add($"Discord:ShardIds must each be between 0 and Discord:ShardCount - 1 ({options.ShardCount - 1}).");
            }

            if (options.ShardIds.Distinct().Count() != options.ShardIds.Count)
            {
                failures.Add("Discord:ShardIds lists a shard twice.");
            }
        }

        AddSnowflakeFailures(failures, "Discord:GuildIds", options.GuildIds);
        AddSnowflakeFailures(failures, "Discord:ModeratorRoleIds", options.ModeratorRoleIds);

        if (!ArchiveDurations.Contains(options.ThreadAutoArchiveMinutes))
        {
            failures.Add("Discord:ThreadAutoArchiveMinutes must be 60, 1440, 4320 or 10080.");
        }

        if (options.InvalidSessionMaxDelayMs < options.InvalidSessionMinDelayMs)
        {
            failures.Add("Discord:InvalidSessionMaxDelayMs must be at least Discord:InvalidSessionMinDelayMs.");
        }

        if (options.ReconnectMaxDelayMs < options.ReconnectBaseDelayMs)
        {
            failures.Add("Discord:ReconnectMaxDelayMs must be at least Discord:ReconnectBaseDelayMs.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void AddSnowflakeFailures(List<string> failures, string key, IEnumerable<string> ids)
    {
        foreach (var id in ids)
        {
            if (!ulong.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                failures.Add($"{key} must contain numeric Discord ids (snowflakes); '{id}' is not one.");
            }
        }
    }

    private static bool IsHttpUrl(string? value, params string[] schemes) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && schemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase);
}
