namespace CoachBot.Testing.FakeDiscord;

/// <summary>A file part of a multipart request (<c>files[n]</c>): its form field, file name, content type and bytes.</summary>
public sealed record RecordedFile(string Field, string FileName, string ContentType, byte[] Content);
