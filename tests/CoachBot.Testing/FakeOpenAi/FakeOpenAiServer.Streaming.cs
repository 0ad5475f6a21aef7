namespace CoachBot.Testing.FakeOpenAi;

/// <summary>
/// Streaming chat completions as OpenAI sends them (https://platform.openai.com/docs/api-reference/chat-streaming):
/// <c>Content-Type: text/event-stream</c>, one <c>data: {chat.completion.chunk}</c> event per piece, the first carrying
/// <c>delta.role</c>, the following ones <c>delta.content</c>, a last chunk with an empty delta and
/// <c>finish_reason: "stop"</c>, then <c>data: [DONE]</c>. The headers go out at once; the first token waits
/// <see cref="StreamFirstTokenDelay"/> (the model "thinking"), the following ones come at
/// <see cref="StreamTokensPerSecond"/>. A token here is a word with the space before it.
/// </summary>
public sealed partial class FakeOpenAiServer
{
    /// <summary>How long the model takes before its first token (headers are sent at once).</summary>
    public TimeSpan StreamFirstTokenDelay { get; set; }

    /// <summary>
    /// When set, a stream that breaks off (<see cref="FakeChatResponse.BreaksOffMidStream"/>) waits for this task (at most
    /// 10 s) before it cuts the connection, instead of a fixed 100 ms. A test sets it to "the client has shown the text so
    /// far": an aborted connection sends a reset, and data the client has not read yet is lost with it, so on a loaded
    /// machine a fixed pause could cut before the tokens were read.
    /// </summary>
    public Task? StreamBreakGate { get; set; }

    /// <summary>Tokens sent per second after the first; 0 or less sends them all at once.</summary>
    public double StreamTokensPerSecond { get; set; }

    /// <summary>Splits a text into the tokens a stream sends: each word with the whitespace before it.</summary>
    public static IReadOnlyList<string> Tokens(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var tokens = new List<string>();
        var start = 0;
        for (var i = 1; i <= content.Length; i++)
        {
            if (i == content.Length || (char.IsWhiteSpace(content[i]) && !char.IsWhiteSpace(content[i - 1])))
            {
                tokens.Add(content[start..i]);
                start = i;
            }
        }

        return tokens;
    }

    private async Task WriteStreamAsync(HttpContext context, string content, string model, int? breakAfterTokens)
    {
        var ct = context.RequestAborted;
        var id = "chatcmpl-fake" + Interlocked.Increment(ref _counter).ToString(CultureInfo.InvariantCulture);
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.StartAsync(ct);
        await context.Response.Body.FlushAsync(ct);

        if (StreamFirstTokenDelay > TimeSpan.Zero)
        {
            await Task.Delay(StreamFirstTokenDelay, ct);
        }

        await WriteEventAsync(context, Chunk(id, created, model, new { role = "assistant", content = string.Empty }, finishReason: null), ct);
        var tokens = Tokens(content);
        var gap = StreamTokensPerSecond > 0 ? TimeSpan.FromSeconds(1 / StreamTokensPerSecond) : TimeSpan.Zero;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (breakAfterTokens is { } limit && i >= limit)
            {
                // Give the client time to read what was sent, so the cut lands mid-stream rather than mid-headers.
                if (StreamBreakGate is { } gate)
                {
                    await Task.WhenAny(gate, Task.Delay(TimeSpan.FromSeconds(10), ct));
                }
                else
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
                }

                context.Abort();
                return;
            }

            if (i > 0 && gap > TimeSpan.Zero)
            {
                await Task.Delay(gap, ct);
            }

            await WriteEventAsync(context, Chunk(id, created, model, new { content = tokens[i] }, finishReason: null), ct);
        }

        await WriteEventAsync(context, Chunk(id, created, model, new { }, "stop"), ct);
        await WriteEventAsync(context, "[DONE]", ct);
    }

    private static string Chunk(string id, long created, string model, object delta, string? finishReason) => JsonSerializer.Serialize(new
    {
        id,
        @object = "chat.completion.chunk",
        created,
        model,
        system_fingerprint = "fp_fake",
        choices = new[] { new { index = 0, delta, logprobs = (object?)null, finish_reason = finishReason } },
    });

    private static async Task WriteEventAsync(HttpContext context, string data, CancellationToken ct)
    {
        await context.Response.WriteAsync("data: " + data + "\n\n", ct);
        await context.Response.Body.FlushAsync(ct);
    }
}
