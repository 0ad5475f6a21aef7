namespace CoachBot.Testing.FakeSlack;

/// <summary>A message as the fake workspace holds it (posted or updated through the Web API).</summary>
public sealed record FakeSlackMessage(string Channel, string Ts, string? ThreadTs, string? Text, JsonArray Blocks, string? EphemeralUser)
{
    /// <summary>The markdown a streaming message was written with (chat.startStream, appendStream, stopStream); null for others.</summary>
    public string? StreamedMarkdown { get; init; }

    /// <summary>"in_progress" while a stream is open, "completed" once stopped; null for a message that was never streamed.</summary>
    public string? StreamingState { get; init; }

    /// <summary>Files shared with this message (files.completeUploadExternal with a channel); its text is the initial_comment.</summary>
    public IReadOnlyList<string> FileIds { get; init; } = [];

    /// <summary>The streamed markdown (if any), then all mrkdwn/plain text in the blocks, joined by newlines (what a person would read).</summary>
    public string AllText => string.Join('\n', (StreamedMarkdown is null ? [] : new[] { StreamedMarkdown }).Concat(FakeSlackBlocks.Texts(Blocks)));
}
