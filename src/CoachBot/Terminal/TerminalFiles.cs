using System.Globalization;
using CoachBot.Core.Replies;

namespace CoachBot.Terminal;

/// <summary>Writes a reply's attachment into the terminal's files folder under a fresh name; returns the full path.</summary>
public static class TerminalFiles
{
    public static async Task<string> WriteAsync(string directory, ReplyAttachment attachment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        var folder = Directory.CreateDirectory(Path.GetFullPath(directory)).FullName;
        var name = SafeFileName(attachment.FileName);
        var path = Path.Combine(folder, name);
        for (var i = 2; File.Exists(path); i++)
        {
            path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileNameWithoutExtension(name)}-{i}{Path.GetExtension(name)}"));
        }

        await File.WriteAllBytesAsync(path, attachment.Content.ToArray(), cancellationToken);
        return path;
    }

    /// <summary>The bare name with anything but letters, digits, '-', '_' and '.' replaced: never empty, never a path.</summary>
    public static string SafeFileName(string? fileName)
    {
        var name = Path.GetFileName(fileName ?? string.Empty);
        var cleaned = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray()).TrimStart('.');
        return cleaned.Length == 0 ? "file" : cleaned;
    }
}
