using System.Globalization;
using System.Text.RegularExpressions;
using CoachBot.Core.Commands;
using CoachBot.Core.Dispatch;
using CoachBot.Slack.Commands;

namespace CoachBot.Slack.Inbound;

/// <summary>
/// Reads slash-command text as Slack sends it with <c>should_escape: true</c> into the core's neutral form: a member
/// mention (<c>&lt;@U2ABC|bo&gt;</c>) filling a member option becomes the user id (<c>U2ABC</c>), a channel link
/// (<c>&lt;#C042|challenges&gt;</c>) filling a channel option becomes the channel id (<c>C042</c>), both as the option's
/// value and in <see cref="CommandRequest.MentionedIds"/> (the only ids a feature reads); anywhere else they read
/// as their display form (<c>@bo</c>, <c>#challenges</c>), like the rest of the text (<see cref="SlackTextDecoder"/>).
/// A member or channel option typed as plain text (not picked from Slack's list, so not a link) is answered with a hint
/// instead of being guessed at. Features never see Slack's token syntax, nor Slack's names for commands whose own name
/// Slack keeps for itself (<c>/coach-remind</c> is the core's <c>remind</c>, <see cref="SlackCommandNames"/>), also
/// when <c>/coach-help</c> is asked about one (<c>/coach-help coach-remind</c>).
/// </summary>
public static partial class SlackCommandDecoder
{
    // Private-use characters: Slack escapes nothing in this range, and the parser keeps them inside one word.
    private const char Open = '\uE000';
    private const char Close = '\uE001';

    // /help's option naming the command to explain (Core.Help.HelpCommand): a member may name it as Slack shows it.
    private const string HelpCommandName = "help";
    private const string HelpTopicOption = "command";

    public static TextCommandParseResult Parse(CommandContext context, CommandCatalog catalog, string command, string? rawText)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(command);
        command = SlackCommandNames.ToCore(command);
        var entities = new List<Entity>();
        var marked = Token().Replace(rawText ?? string.Empty, m =>
        {
            var kind = m.Groups["kind"].Value[0];
            var id = m.Groups["id"].Value;
            var label = m.Groups["label"].Success && m.Groups["label"].Value.Length > 0 ? m.Groups["label"].Value : id;
            entities.Add(new Entity(kind == '@' ? CommandOptionType.User : CommandOptionType.Channel, id, kind + label));
            return string.Create(CultureInfo.InvariantCulture, $"{Open}{entities.Count - 1}{Close}");
        });
        var parsed = TextCommandParser.Parse(context, catalog, command, SlackTextDecoder.ToPlain(marked));
        if (parsed.Request is not { } request)
        {
            return parsed.Error is null ? parsed : TextCommandParseResult.Fail(Display(parsed.Error, entities));
        }

        var definition = catalog.Find(request.Command);
        var options = (request.Subcommand is { } sub ? definition?.FindSubcommand(sub) : definition)?.Options ?? [];
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var mentioned = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in request.Options)
        {
            var type = options.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase))?.Type ?? CommandOptionType.Text;
            if (type is CommandOptionType.User or CommandOptionType.Channel)
            {
                if (Single(value, entities) is not { } entity || entity.Type != type)
                {
                    return TextCommandParseResult.Fail(type == CommandOptionType.User
                        ? $"`{name}` must be a member: type @ and pick them from Slack's list, so the mention is a link."
                        : $"`{name}` must be a channel: type # and pick it from Slack's list, so the channel is a link.");
                }

                values[name] = entity.Id;
                mentioned[name] = entity.Id;
            }
            else
            {
                values[name] = Display(value, entities);
            }
        }

        if (string.Equals(request.Command, HelpCommandName, StringComparison.OrdinalIgnoreCase)
            && values.TryGetValue(HelpTopicOption, out var topic))
        {
            values[HelpTopicOption] = SlackCommandNames.ToCore(topic);
        }

        return TextCommandParseResult.Ok(request with { Options = values, MentionedIds = mentioned });
    }

    private static Entity? Single(string value, List<Entity> entities)
    {
        var match = Marker().Match(value.Trim());
        return match.Success && match.Length == value.Trim().Length
            && int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n < entities.Count
            ? entities[n]
            : null;
    }

    private static string Display(string text, List<Entity> entities)
    {
        if (text.IndexOf(Open, StringComparison.Ordinal) < 0)
        {
            return text;
        }

        return Marker().Replace(text, m =>
            int.TryParse(m.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n < entities.Count
                ? entities[n].Display
                : string.Empty);
    }

    private sealed record Entity(CommandOptionType Type, string Id, string Display);

    [GeneratedRegex(@"<(?<kind>[@#])(?<id>[A-Z0-9]{2,24})(?:\|(?<label>[^<>|]*))?>", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Token();

    [GeneratedRegex("\uE000(?<n>[0-9]{1,4})\uE001", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Marker();
}
