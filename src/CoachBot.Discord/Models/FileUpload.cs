namespace CoachBot.Discord.Models;

/// <summary>The bytes of one uploaded file, sent as the multipart part <c>files[n]</c> (never part of the JSON body).</summary>
public sealed record FileUpload(string FileName, string ContentType, ReadOnlyMemory<byte> Content);
