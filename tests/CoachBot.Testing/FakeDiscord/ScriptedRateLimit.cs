namespace CoachBot.Testing.FakeDiscord;

/// <summary>A 429 the fake will answer to the next request whose path contains <see cref="PathContains"/>.</summary>
public sealed record ScriptedRateLimit(string Method, string PathContains, double RetryAfterSeconds, bool Global);
