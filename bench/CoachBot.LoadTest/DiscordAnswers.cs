using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using CoachBot.Testing.FakeDiscord;

namespace CoachBot.LoadTest;

/// <summary>
/// Follows the fake Discord's REST requests as they are recorded (<see cref="FakeDiscordServer.RequestRecorded"/>) and
/// completes, per interaction token, the first write through its webhook (edit of @original or a follow-up; a follow-up
/// flagged ephemeral counts as a refusal), per thread the bot opening it, and per armed channel the bot's first
/// message there. Waiting never rescans the request log, so thousands of interactions stay cheap to follow.
/// </summary>
internal sealed class DiscordAnswers : IDisposable
{
    private const int EphemeralFlag = 64;
    private readonly FakeDiscordServer _discord;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<SeenAnswer>> _seen = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Func<string, bool>> _armedChannels = new(StringComparer.Ordinal);

    public DiscordAnswers(FakeDiscordServer discord)
    {
        _discord = discord;
        discord.RequestRecorded += OnRequest;
    }

    /// <summary>The first webhook write for an interaction (safe to call before or after it arrives).</summary>
    public Task<SeenAnswer> ForInteraction(string token) => Entry("token:" + token).Task;

    /// <summary>The thread the bot opened from message <paramref name="messageId"/> (its id is the message id).</summary>
    public Task<SeenAnswer> ForThread(string messageId) => Entry("thread:" + messageId).Task;

    /// <summary>
    /// The bot's next message in <paramref name="channelId"/> from now on; <paramref name="isRealAnswer"/> tells an answer
    /// from a nudge or refusal by its content. Arm before sending what it answers.
    /// </summary>
    public Task<SeenAnswer> NextMessageIn(string channelId, Func<string, bool> isRealAnswer)
    {
        var entry = new TaskCompletionSource<SeenAnswer>(TaskCreationOptions.RunContinuationsAsynchronously);
        _seen["channel:" + channelId] = entry;
        _armedChannels[channelId] = isRealAnswer;
        return entry.Task;
    }

    public void Dispose() => _discord.RequestRecorded -= OnRequest;

    private TaskCompletionSource<SeenAnswer> Entry(string key) =>
        _seen.GetOrAdd(key, _ => new TaskCompletionSource<SeenAnswer>(TaskCreationOptions.RunContinuationsAsynchronously));

    private void OnRequest(RecordedRequest request)
    {
        if (request.Status >= 300 || request.Method != "POST" && request.Method != "PATCH")
        {
            return;
        }

        // /api/v10/webhooks/{application}/{token}[/messages/{id}]
        // /api/v10/channels/{channel}/messages[/{message}/threads]
        var parts = request.Path.Split('/');
        if (parts.Length >= 6 && parts[3] == "webhooks")
        {
            var refused = request.Method == "POST" && Flags(request.Body) is { } flags && (flags & EphemeralFlag) != 0;
            Entry("token:" + parts[5]).TrySetResult(new SeenAnswer(request.ReceivedAt, refused, request.Content ?? string.Empty, request.Body));
        }
        else if (parts.Length == 8 && parts[3] == "channels" && parts[5] == "messages" && parts[7] == "threads")
        {
            Entry("thread:" + parts[6]).TrySetResult(new SeenAnswer(request.ReceivedAt, false, string.Empty));
        }
        else if (request.Method == "POST" && parts.Length == 6 && parts[3] == "channels" && parts[5] == "messages"
            && _armedChannels.TryRemove(parts[4], out var isRealAnswer)
            && _seen.TryGetValue("channel:" + parts[4], out var entry))
        {
            var content = request.Content ?? string.Empty;
            entry.TrySetResult(new SeenAnswer(request.ReceivedAt, !isRealAnswer(content), content));
        }
    }

    private static int? Flags(JsonNode? body) =>
        body is JsonObject o && o["flags"] is JsonValue v && v.TryGetValue<int>(out var flags) ? flags : null;
}
