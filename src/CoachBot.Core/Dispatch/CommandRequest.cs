using System.Globalization;
using CoachBot.Core.Conversations;

namespace CoachBot.Core.Dispatch;

/// <summary>
/// A slash command (<c>/quiz databases</c>), already parsed: the command name, an optional subcommand
/// (<c>/challenge submit</c>) and the option values as text, keyed by option name.
/// </summary>
public sealed record CommandRequest(
    CommandContext Context,
    string Command,
    string? Subcommand,
    IReadOnlyDictionary<string, string> Options) : CoachRequest(Context)
{
    public string? Option(string name) => Options.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public int? IntOption(string name) =>
        Option(name) is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
