using CoachBot.Core.Dispatch;
using CoachBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Discord.Commands;

/// <summary>
/// Registers the catalog's commands with Discord by bulk overwrite: per guild when Discord:GuildIds is set (instant,
/// for development), globally otherwise.
/// </summary>
public sealed partial class CommandRegistrar(
    DiscordRestClient rest,
    CommandCatalog catalog,
    IOptions<DiscordOptions> options,
    ILogger<CommandRegistrar> logger)
{
    public async Task RegisterAsync(string applicationId, CancellationToken ct)
    {
        var guildIds = options.Value.GuildIds;
        try
        {
            if (guildIds.Count > 0)
            {
                var commands = ApplicationCommandFactory.Build(catalog.Definitions, guildScoped: true);
                foreach (var guildId in guildIds)
                {
                    await rest.BulkOverwriteGuildCommandsAsync(applicationId, guildId, commands, ct);
                    LogRegistered(commands.Count, "guild " + guildId);
                }
            }
            else
            {
                var commands = ApplicationCommandFactory.Build(catalog.Definitions, guildScoped: false);
                await rest.BulkOverwriteGlobalCommandsAsync(applicationId, commands, ct);
                LogRegistered(commands.Count, "all guilds (global; may take a while to appear)");
            }
        }
        catch (DiscordApiException ex)
        {
            LogFailed(ex.Code ?? 0, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Count} Discord commands for {Scope}")]
    private partial void LogRegistered(int count, string scope);

    [LoggerMessage(Level = LogLevel.Error, Message = "Registering Discord commands failed (Discord code {Code}): {Reason}")]
    private partial void LogFailed(int code, string reason);
}
