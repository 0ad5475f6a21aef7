using CoachBot.Discord.Models;

namespace CoachBot.Discord.Rest;

/// <summary>One REST request's answer: the response, its body, the parsed error and what a 429 ordered.</summary>
internal sealed record RestAttempt(HttpResponseMessage Response, string Text, DiscordErrorBody? Error, RateLimitHit? RateLimit, bool Idempotent)
    : IDisposable
{
    public void Dispose() => Response.Dispose();
}
