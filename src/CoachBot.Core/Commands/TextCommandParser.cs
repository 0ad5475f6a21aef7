using System.Text;
using CoachBot.Core.Conversations;
using CoachBot.Core.Dispatch;

namespace CoachBot.Core.Commands;

/// <summary>
/// Reads a typed command line (terminal, Slack slash-command text) into a <see cref="CommandRequest"/> using the
/// command's definition: <c>/quiz databases 5 hard</c> or <c>/quiz skill:databases questions:5</c>; "double quotes"
/// group words. Positional values fill the options in order; an option marked TakesRest swallows the remainder. A User
/// or Channel option typed as an id (<see cref="TypedMention"/>) also fills <see cref="CommandRequest.MentionedIds"/>.
/// </summary>
public static class TextCommandParser
{
    /// <summary>True when the line looks like a command (starts with '/').</summary>
    public static bool IsCommand(string line) => line.TrimStart().StartsWith('/');

    /// <summary>
    /// Parses <paramref name="commandName"/> plus <paramref name="arguments"/> (the text after the command).
    /// Returns an error message meant for the person (with the usage line) when the text does not fit the definition.
    /// </summary>
    public static TextCommandParseResult Parse(CommandContext context, CommandCatalog catalog, string commandName, string arguments)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var name = commandName.Trim().TrimStart('/');
        var definition = catalog.Find(name);
        if (definition is null)
        {
            // Let the dispatcher answer unknown commands with the list of known ones.
            return TextCommandParseResult.Ok(new CommandRequest(context, name, null, new Dictionary<string, string>()));
        }

        var tokens = Tokenize(arguments);
        string? subcommand = null;
        var target = definition;
        if (definition.Subcommands.Count > 0)
        {
            var sub = tokens.Count == 0 ? null : definition.FindSubcommand(tokens[0].Text);
            var fallback = definition.DefaultSubcommand is { } defaultName ? definition.FindSubcommand(defaultName) : null;
            if (sub is null && fallback is null)
            {
                return tokens.Count == 0
                    ? TextCommandParseResult.Fail(UsageOf(definition))
                    : TextCommandParseResult.Fail($"Unknown subcommand `{Clip(tokens[0].Text)}`. {UsageOf(definition)}");
            }

            if (sub is not null)
            {
                // Token offsets stay relative to the whole argument text (a TakesRest option slices it by them).
                tokens = tokens.Skip(1).ToList();
            }

            target = sub ?? fallback!;
            subcommand = target.Name;
        }

        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var positional = target.Options.Where(o => !o.TakesRest).ToList();
        var rest = target.Options.FirstOrDefault(o => o.TakesRest);
        var positionalIndex = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var colon = token.Quoted ? -1 : token.Text.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && target.Options.FirstOrDefault(o => o.Name.Equals(token.Text[..colon], StringComparison.OrdinalIgnoreCase)) is { } named)
            {
                options[named.Name] = token.Text[(colon + 1)..];
                positional.Remove(named);
                continue;
            }

            if (positionalIndex < positional.Count)
            {
                var option = positional[positionalIndex++];
                if (!options.ContainsKey(option.Name))
                {
                    options[option.Name] = token.Text;
                }

                continue;
            }

            if (rest is not null)
            {
                options[rest.Name] = arguments[token.Start..].Trim();
                break;
            }

            return TextCommandParseResult.Fail($"Too many arguments. Usage: `{target.Usage(subcommand is null ? null : "/" + definition.Name)}`");
        }

        foreach (var option in target.Options)
        {
            if (option.Required && !options.ContainsKey(option.Name))
            {
                return TextCommandParseResult.Fail($"Missing `{option.Name}`. Usage: `{target.Usage(subcommand is null ? null : "/" + definition.Name)}`");
            }

            if (options.TryGetValue(option.Name, out var value) && Validate(option, value) is { } problem)
            {
                return TextCommandParseResult.Fail($"{problem} Usage: `{target.Usage(subcommand is null ? null : "/" + definition.Name)}`");
            }
        }

        var mentioned = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var option in target.Options)
        {
            if (options.TryGetValue(option.Name, out var value) && TypedMention.TryRead(value, option.Type, out var id))
            {
                mentioned[option.Name] = id;
            }
        }

        return TextCommandParseResult.Ok(new CommandRequest(context, definition.Name, subcommand, options) { MentionedIds = mentioned });
    }

    /// <summary>Parses a whole line starting with '/'.</summary>
    public static TextCommandParseResult ParseLine(CommandContext context, CommandCatalog catalog, string line)
    {
        var trimmed = line.Trim();
        var space = trimmed.IndexOfAny([' ', '\t', '\n']);
        return space < 0
            ? Parse(context, catalog, trimmed, string.Empty)
            : Parse(context, catalog, trimmed[..space], trimmed[(space + 1)..]);
    }

    private static string? Validate(CommandOption option, string value)
    {
        switch (option.Type)
        {
            case CommandOptionType.Number:
                if (!int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number))
                {
                    return $"`{option.Name}` must be a whole number.";
                }

                if ((option.MinValue is { } min && number < min) || (option.MaxValue is { } max && number > max))
                {
                    return $"`{option.Name}` must be between {option.MinValue} and {option.MaxValue}.";
                }

                break;
            case CommandOptionType.YesNo:
                if (!bool.TryParse(value, out _) && value is not ("yes" or "no" or "on" or "off"))
                {
                    return $"`{option.Name}` must be yes or no.";
                }

                break;
        }

        if (option.Choices.Count > 0 && !option.Choices.Any(c => c.Value.Equals(value, StringComparison.OrdinalIgnoreCase) || c.Name.Equals(value, StringComparison.OrdinalIgnoreCase)))
        {
            return $"`{option.Name}` must be one of: {string.Join(", ", option.Choices.Select(c => c.Value))}.";
        }

        if (option.MaxLength is { } maxLength && value.Length > maxLength)
        {
            return $"`{option.Name}` can be at most {maxLength} characters.";
        }

        return null;
    }

    private static string UsageOf(CommandDefinition definition)
    {
        var lines = definition.Subcommands.Select(s => $"`{s.Usage("/" + definition.Name)}`");
        return "Usage: " + string.Join(", ", lines);
    }

    private static string Clip(string text) => text.Length <= 32 ? text.Replace('`', '\'') : text[..32].Replace('`', '\'') + "…";

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                break;
            }

            var start = i;
            var builder = new StringBuilder();
            var quoted = false;
            if (text[i] is '"' or '“')
            {
                quoted = true;
                i++;
                while (i < text.Length && text[i] is not ('"' or '”'))
                {
                    builder.Append(text[i++]);
                }

                i = Math.Min(i + 1, text.Length);
            }
            else
            {
                while (i < text.Length && !char.IsWhiteSpace(text[i]))
                {
                    // name:"quoted value"
                    if (text[i] is '"' or '“' && builder.Length > 0 && builder[^1] == ':')
                    {
                        i++;
                        while (i < text.Length && text[i] is not ('"' or '”'))
                        {
                            builder.Append(text[i++]);
                        }

                        i = Math.Min(i + 1, text.Length);
                        continue;
                    }

                    builder.Append(text[i++]);
                }
            }

            tokens.Add(new Token(builder.ToString(), start, i, quoted));
        }

        return tokens;
    }

    private readonly record struct Token(string Text, int Start, int End, bool Quoted);
}
