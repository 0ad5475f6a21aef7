namespace CoachBot.Host.Tests.Abuse;

/// <summary>
/// What every outbound payload must satisfy whatever the input was: Discord messages ping nobody (allowed_mentions
/// parses nothing, no live @everyone/@here), Slack text carries no broadcast (&lt;!everyone&gt;, &lt;!channel&gt;,
/// &lt;!here&gt;, &lt;!subteam^…&gt;), and no configured secret appears anywhere. Strings are checked decoded (a JSON
/// writer escapes '&lt;', so searching serialized JSON would miss them).
/// </summary>
public static partial class OutboundChecks
{
    public static void CheckDiscord(RecordedRequest request, AbuseFindings findings, string source)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (AbuseSecrets.FindIn(request.Path) is { } inPath)
        {
            findings.Add(source, $"a secret ({inPath}) in the path of {request}");
        }

        if (request.Body is not JsonObject body)
        {
            return;
        }

        foreach (var text in Strings(body))
        {
            if (AbuseSecrets.FindIn(text) is { } secret)
            {
                findings.Add(source, $"a secret ({secret}) sent in {request}");
            }
        }

        var message = MessageOf(request, body);
        if (message is null)
        {
            return;
        }

        if (!PingsNobody(message["allowed_mentions"]))
        {
            findings.Add(source, $"{request} was sent without allowed_mentions {{\"parse\":[]}}: {HostileInput.Printable(message["allowed_mentions"]?.ToJsonString() ?? "(none)", 120)}");
        }

        foreach (var text in Strings(message))
        {
            if (LiveMassMention().Match(text) is { Success: true } match)
            {
                findings.Add(source, $"{request} carries a live {match.Value}: {HostileInput.Printable(text, 160)}");
            }
        }
    }

    public static void CheckSlack(string what, JsonObject body, AbuseFindings findings, string source)
    {
        ArgumentNullException.ThrowIfNull(body);
        foreach (var text in Strings(body))
        {
            if (SlackBroadcast().Match(text) is { Success: true } match)
            {
                findings.Add(source, $"{what} carries the broadcast {match.Value}: {HostileInput.Printable(text, 160)}");
            }

            if (AbuseSecrets.FindIn(text) is { } secret)
            {
                findings.Add(source, $"a secret ({secret}) sent in {what}");
            }
        }
    }

    public static void CheckSlack(FakeSlackApiCall call, AbuseFindings findings, string source)
    {
        ArgumentNullException.ThrowIfNull(call);
        CheckSlack($"{call.Method} #{call.Sequence}", call.Body, findings, source);
    }

    public static void CheckSlack(FakeResponsePost post, AbuseFindings findings, string source)
    {
        ArgumentNullException.ThrowIfNull(post);
        CheckSlack($"response_url post #{post.Sequence}", post.Body, findings, source);
    }

    /// <summary>A prompt must not carry a secret either: a model can only leak what it was given.</summary>
    public static void CheckLlm(RecordedChatRequest request, AbuseFindings findings, string source)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (AbuseSecrets.FindIn(request.Body) is { } secret)
        {
            findings.Add(source, $"a secret ({secret}) was put into an LLM prompt");
        }
    }

    /// <summary>Every string value in the tree, decoded (property names too, in case something is keyed by text).</summary>
    public static IEnumerable<string> Strings(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    yield return name;
                    foreach (var text in Strings(value))
                    {
                        yield return text;
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var text in Strings(item))
                    {
                        yield return text;
                    }
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out var text):
                yield return text;
                break;
        }
    }

    /// <summary>The message object a request sends (a message, an edit, a follow-up, or the data of a type 4/7 callback).</summary>
    private static JsonObject? MessageOf(RecordedRequest request, JsonObject body)
    {
        if (request.Path.EndsWith("/callback", StringComparison.Ordinal))
        {
            return body["type"] is JsonValue type && type.TryGetValue<int>(out var kind) && kind is 4 or 7 ? body["data"] as JsonObject : null;
        }

        var sendsMessage = (request.Method is "POST" or "PATCH")
            && (request.Path.Contains("/messages", StringComparison.Ordinal) || request.Path.Contains("/webhooks/", StringComparison.Ordinal))
            && !request.Path.EndsWith("/threads", StringComparison.Ordinal);
        return sendsMessage ? body : null;
    }

    private static bool PingsNobody(JsonNode? allowedMentions) =>
        allowedMentions is JsonObject mentions
        && mentions["parse"] is JsonArray { Count: 0 }
        && mentions["users"] is null or JsonArray { Count: 0 }
        && mentions["roles"] is null or JsonArray { Count: 0 }
        && !(mentions["replied_user"] is JsonValue replied && replied.TryGetValue<bool>(out var pingsAuthor) && pingsAuthor);

    [GeneratedRegex("@(everyone|here)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LiveMassMention();

    [GeneratedRegex(@"<!(everyone|channel|here)(\|[^>]*)?>|<!subteam\^", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SlackBroadcast();
}
