namespace CoachBot.Core.Replies;

/// <summary>
/// A file that travels with a reply (a data export, a chart). Adapters deliver it the platform's way: the terminal
/// writes it to disk and prints the path, Discord uploads it with the message (multipart <c>files[n]</c>), Slack
/// uploads it through <c>files.getUploadURLExternal</c>. <see cref="FileName"/> is a bare name (no folders).
/// </summary>
public sealed record ReplyAttachment(string FileName, string ContentType, ReadOnlyMemory<byte> Content)
{
    /// <summary>Discord's smallest upload limit (no boost): larger files are refused there.</summary>
    public const int MaxBytes = 8 * 1024 * 1024;

    /// <summary>The name with anything but letters, digits, '-', '_' and '.' replaced, never empty, never a path.</summary>
    public string SafeFileName
    {
        get
        {
            var name = Path.GetFileName(FileName ?? string.Empty);
            var cleaned = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray()).TrimStart('.');
            return cleaned.Length == 0 ? "file" : cleaned;
        }
    }
}
