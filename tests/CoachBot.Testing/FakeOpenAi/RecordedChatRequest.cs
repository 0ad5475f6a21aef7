namespace CoachBot.Testing.FakeOpenAi;

/// <summary>One chat-completions request as the fake server received it.</summary>
public sealed record RecordedChatRequest(string Path, string? Authorization, string Body)
{
    public string? Model => Parse().TryGetProperty("model", out var model) ? model.GetString() : null;

    /// <summary>True when the client asked for server-sent events (<c>"stream": true</c>).</summary>
    public bool Streamed => Parse().TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True;

    /// <summary>The (role, content) pairs of the request's messages, in order.</summary>
    public IReadOnlyList<(string Role, string Content)> Messages
    {
        get
        {
            var messages = new List<(string, string)>();
            if (Parse().TryGetProperty("messages", out var array))
            {
                foreach (var message in array.EnumerateArray())
                {
                    var role = message.GetProperty("role").GetString() ?? string.Empty;
                    var content = message.TryGetProperty("content", out var c) ? ContentText(c) : string.Empty;
                    messages.Add((role, content));
                }
            }

            return messages;
        }
    }

    /// <summary>All message contents joined, for "the request carries X" assertions.</summary>
    public string AllContent => string.Join("\n", Messages.Select(m => m.Content));

    private JsonElement Parse()
    {
        using var document = JsonDocument.Parse(Body);
        return document.RootElement.Clone();
    }

    // Content is either a string or an array of parts ({type: "text", text: "..."}).
    private static string ContentText(JsonElement content) => content.ValueKind switch
    {
        JsonValueKind.String => content.GetString() ?? string.Empty,
        JsonValueKind.Array => string.Concat(content.EnumerateArray()
            .Where(p => p.TryGetProperty("text", out _))
            .Select(p => p.GetProperty("text").GetString())),
        _ => string.Empty,
    };
}
