using Microsoft.Extensions.Logging;

namespace CoachBot.Discord.Tests.Support;

public sealed record CapturedLog(LogLevel Level, string Category, string Message, string? Exception, string Context)
{
    public override string ToString() => $"{Level} {Category}: {Message} {Exception} {Context}";
}
