using System.Text.Json.Serialization;

namespace CoachBot.Discord.Models;

/// <summary>
/// Everything the bot sends as a message (channel message, interaction response, follow-up, edit). Its
/// <see cref="AllowedMentions"/> is fixed to "ping nobody": there is no way to build a message that pings, so no code
/// path can forget it.
/// </summary>
public sealed class MessagePayload
{
    public string? Content { get; init; }

    public IReadOnlyList<ActionRowComponent>? Components { get; init; }

    /// <summary>64 = ephemeral (interaction responses only).</summary>
    public int? Flags { get; init; }

    public MessageReference? MessageReference { get; init; }

    /// <summary>With <see cref="Files"/>: one entry per file, naming its <c>files[n]</c> part (id = n) and its alt text.</summary>
    public IReadOnlyList<AttachmentSlot>? Attachments { get; init; }

    /// <summary>Files to upload with the message; when any, the request goes as multipart/form-data (see DiscordRestClient).</summary>
    [JsonIgnore]
    public IReadOnlyList<FileUpload> Files { get; init; } = [];

    [JsonPropertyName("allowed_mentions")]
    public AllowedMentions AllowedMentions { get; } = AllowedMentions.None;
}
