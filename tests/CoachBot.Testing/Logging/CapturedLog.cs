namespace CoachBot.Testing.Logging;

/// <summary>One captured log entry: level, category, formatted message, exception text and the scopes and values around it.</summary>
public sealed record CapturedLog(LogLevel Level, string Category, string Message, string? Exception, string Context)
{
    public override string ToString() => $"{Level} {Category}: {Message} {Exception} {Context}";
}
