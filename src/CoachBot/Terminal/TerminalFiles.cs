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
        var name = attachment.SafeFileName;
        var path = Path.Combine(folder, name);
        for (var i = 2; File.Exists(path); i++)
        {
            path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileNameWithoutExtension(name)}-{i}{Path.GetExtension(name)}"));
        }

        await File.WriteAllBytesAsync(path, attachment.Content.ToArray(), cancellationToken);
        return path;
    }
}
