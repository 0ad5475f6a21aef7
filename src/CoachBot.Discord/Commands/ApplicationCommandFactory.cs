using CoachBot.Core.Commands;
using CoachBot.Discord.Models;

namespace CoachBot.Discord.Commands;

/// <summary>
/// Generates Discord application-command registrations from the core's command definitions: option types
/// (Text → STRING, Number → INTEGER with min/max, YesNo → BOOLEAN, User → USER, Channel → CHANNEL), choices, required
/// options first, subcommands as type-1 options, descriptions clipped to 100, and <c>default_member_permissions: "32"</c>
/// (Manage Server) on moderator commands.
/// </summary>
public static class ApplicationCommandFactory
{
    public const string ManageGuildPermission = "32";
    private const int MaxDescription = 100;
    private const int MaxChoices = 25;
    private const int MaxOptions = 25;

    /// <param name="guildScoped">Guild registrations carry no contexts (guild commands never appear in DMs).</param>
    public static IReadOnlyList<ApplicationCommand> Build(IEnumerable<CommandDefinition> definitions, bool guildScoped)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        return definitions.Select(d => Build(d, guildScoped)).ToList();
    }

    public static ApplicationCommand Build(CommandDefinition definition, bool guildScoped)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var moderator = definition.ModeratorOnly
            || (definition.Subcommands.Count > 0 && definition.Subcommands.All(s => s.ModeratorOnly));
        var options = definition.Subcommands.Count > 0
            ? definition.Subcommands.Take(MaxOptions).Select(Subcommand).ToList()
            : Options(definition.Options);
        return new ApplicationCommand
        {
            Name = definition.Name.ToLowerInvariant(),
            Description = Describe(definition.Description),
            Options = options.Count == 0 ? null : options,
            DefaultMemberPermissions = moderator ? ManageGuildPermission : null,
            // Moderator commands only make sense in a server; the rest also work in a DM with the bot.
            Contexts = guildScoped ? null : moderator ? [0] : [0, 1],
            IntegrationTypes = guildScoped ? null : [0],
        };
    }

    public static int OptionType(CommandOptionType type) => type switch
    {
        CommandOptionType.Number => 4,
        CommandOptionType.YesNo => 5,
        CommandOptionType.User => 6,
        CommandOptionType.Channel => 7,
        _ => 3,
    };

    private static ApplicationCommandOption Subcommand(CommandDefinition sub)
    {
        var options = Options(sub.Options);
        return new ApplicationCommandOption
        {
            Type = InteractionDataOption.SubCommand,
            Name = sub.Name.ToLowerInvariant(),
            Description = Describe(sub.Description),
            Options = options.Count == 0 ? null : options,
        };
    }

    private static List<ApplicationCommandOption> Options(IReadOnlyList<CommandOption> options) =>
        options
            .OrderByDescending(o => o.Required) // Discord requires required options first; OrderBy is stable.
            .Take(MaxOptions)
            .Select(o => new ApplicationCommandOption
            {
                Type = OptionType(o.Type),
                Name = o.Name.ToLowerInvariant(),
                Description = Describe(o.Description),
                Required = o.Required ? true : null,
                Choices = o.Choices.Count == 0
                    ? null
                    : o.Choices.Take(MaxChoices).Select(c => new ApplicationCommandChoice { Name = Clip(c.Name, 100), Value = Clip(c.Value, 100) }).ToList(),
                MinValue = o.Type == CommandOptionType.Number ? o.MinValue : null,
                MaxValue = o.Type == CommandOptionType.Number ? o.MaxValue : null,
                MaxLength = o.Type == CommandOptionType.Text && o.MaxLength is { } max ? Math.Clamp(max, 1, 6000) : null,
            })
            .ToList();

    private static string Describe(string description)
    {
        var clean = string.IsNullOrWhiteSpace(description) ? "—" : description.ReplaceLineEndings(" ").Trim();
        return Clip(clean, MaxDescription);
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
