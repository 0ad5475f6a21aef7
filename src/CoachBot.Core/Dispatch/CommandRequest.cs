using System.Globalization;
using CoachBot.Core.Conversations;

namespace CoachBot.Core.Dispatch;

/// <summary>
/// A slash command (<c>/quiz databases</c>), already parsed: the command name, an optional subcommand
/// (<c>/challenge submit</c>) and the option values as text, keyed by option name. Members and channels given for
/// options of type User and Channel also arrive as plain ids in <see cref="MentionedIds"/>.
/// </summary>
public sealed record CommandRequest(
    CommandContext Context,
    string Command,
    string? Subcommand,
    IReadOnlyDictionary<string, string> Options) : CoachRequest(Context)
{
    /// <summary>
    /// The member or channel id given for each option of type User or Channel, keyed by option name. The adapter decodes
    /// its own syntax into it (Discord's user and channel options, Slack's member and channel links, an id typed in the
    /// terminal: <see cref="Commands.TypedMention"/>); an option whose text it could not read as one member or channel
    /// has no entry. Features take ids from here, never from the option's text.
    /// </summary>
    public IReadOnlyDictionary<string, string> MentionedIds { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The id given for a User or Channel option, or null when the option was absent or not one member or channel.</summary>
    public string? MentionedId(string name) => MentionedIds.TryGetValue(name, out var id) && id.Length > 0 ? id : null;

    public string? Option(string name) => Options.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public int? IntOption(string name) =>
        Option(name) is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
