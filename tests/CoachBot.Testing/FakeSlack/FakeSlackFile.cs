namespace CoachBot.Testing.FakeSlack;

/// <summary>
/// A file on the fake Slack: announced by files.getUploadURLExternal (name, declared length, alt text), its bytes once
/// posted to the upload URL, completed by files.completeUploadExternal (title, and where it was shared: nowhere when
/// no channel was given, i.e. private to the uploader).
/// </summary>
public sealed record FakeSlackFile(string Id, string FileName, int DeclaredLength, string? AltText)
{
    public byte[]? Content { get; set; }

    public bool Completed { get; set; }

    public string? Title { get; set; }

    public IReadOnlyList<string> SharedTo { get; set; } = [];
}
