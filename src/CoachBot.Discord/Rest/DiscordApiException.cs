using System.Net;

namespace CoachBot.Discord.Rest;

/// <summary>
/// A REST call Discord refused. Carries the HTTP status, Discord's JSON error code (10062 unknown interaction, 40060
/// already acknowledged, 50035 invalid form body, …) and the route template — never the token or the real path.
/// </summary>
public sealed class DiscordApiException : Exception
{
    public DiscordApiException(HttpStatusCode status, int? code, string? discordMessage, string route)
        : base($"Discord API {route} returned {(int)status} {status}{Describe(code, discordMessage)}.")
    {
        Status = status;
        Code = code;
        DiscordMessage = discordMessage;
        Route = route;
    }

    public DiscordApiException()
        : this(0, null, null, string.Empty)
    {
    }

    public DiscordApiException(string message)
        : base(message)
    {
        Route = string.Empty;
    }

    public DiscordApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Route = string.Empty;
    }

    public HttpStatusCode Status { get; }

    private static string Describe(int? code, string? message) => (code, message) switch
    {
        (null, null) => string.Empty,
        (null, _) => $" ({message})",
        _ => $" (code {code}: {message})",
    };

    public int? Code { get; }

    public string? DiscordMessage { get; }

    public string Route { get; }
}
