namespace CoachBot.Discord.Models;

/// <summary>
/// An entry of a message's <c>attachments</c> when uploading: <see cref="Id"/> is the <c>n</c> of the
/// <c>files[n]</c> part holding the bytes; <see cref="Description"/> is the alt text (at most 1024 characters).
/// </summary>
public sealed record AttachmentSlot(int Id, string Filename, string? Description);
