namespace CoachBot.Discord.Rest;

/// <summary>
/// One REST call as the rate limiter and the logs see it: the method, the route template (never the real path, which
/// may contain an interaction token) and the major parameter that scopes the bucket (channel, guild, webhook+token).
/// </summary>
public readonly record struct RestRoute(string Method, string Template, string MajorParameter, bool ExemptFromGlobalLimit = false)
{
    /// <summary>The bucket key used until Discord names the bucket.</summary>
    public string Key => $"{Method} {Template}";

    public bool IsIdempotent => Method is "GET" or "PUT" or "PATCH" or "DELETE";

    public override string ToString() => Key;
}
