using Microsoft.Extensions.Logging;

namespace CoachBot.Host.Tests.Abuse;

/// <summary>Adds a capturing logger to a host (everything of CoachBot's from Debug up), and checks what it caught.</summary>
public static class AbuseLogging
{
    public static void Capture(IServiceCollection services, CapturingLoggerProvider provider)
    {
        services.AddSingleton<ILoggerProvider>(provider);
        services.AddLogging(logging => logging
            .AddFilter<CapturingLoggerProvider>(null, LogLevel.Debug)
            .AddFilter<CapturingLoggerProvider>("Microsoft", LogLevel.Information)
            .AddFilter<CapturingLoggerProvider>("Microsoft.EntityFrameworkCore", LogLevel.Warning)
            .AddFilter<CapturingLoggerProvider>("System.Net.Http", LogLevel.Information)
            .AddFilter<CapturingLoggerProvider>("Polly", LogLevel.Information));
    }

    /// <summary>Errors and crashes (any entry at Error or above) and secrets anywhere, in the entries from <paramref name="from"/> on.</summary>
    public static void Check(CapturingLoggerProvider provider, int from, AbuseFindings findings, string source)
    {
        foreach (var entry in provider.Entries.Skip(from))
        {
            if (entry.Level >= LogLevel.Error)
            {
                findings.Add(source, $"logged at {entry.Level}: {entry.Category}: {entry.Message} {FirstLine(entry.Exception)}");
            }

            if (AbuseSecrets.FindIn(entry.ToString()) is { } secret)
            {
                findings.Add(source, $"a secret ({secret}) was logged by {entry.Category}: {HostileInput.Printable(entry.Message, 200)}");
            }
        }
    }

    private static string FirstLine(string? text) => text is null ? string.Empty : text.Split('\n', 2)[0].Trim();
}
