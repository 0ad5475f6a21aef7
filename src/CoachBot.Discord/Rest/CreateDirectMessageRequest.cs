using System.Text.Json.Serialization;

namespace CoachBot.Discord.Rest;

/// <summary>The body of <c>POST /users/@me/channels</c>: open (or find) the DM channel with one user.</summary>
public sealed record CreateDirectMessageRequest([property: JsonPropertyName("recipient_id")] string RecipientId);
