using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoachBot.Discord.Hosting;

/// <summary>Says once, at start-up, that the Discord adapter is off because no token is configured.</summary>
public sealed partial class DiscordAdapterDisabledNotice(ILogger<DiscordAdapterDisabledNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogDisabled();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord adapter is off: no Discord:Token configured (see docs/discord.md).")]
    private partial void LogDisabled();
}
