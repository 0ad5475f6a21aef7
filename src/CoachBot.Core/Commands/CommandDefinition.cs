namespace CoachBot.Core.Commands;

/// <summary>
/// A command as the core defines it, once. The Discord adapter registers its application commands from it at start-up;
/// the slash commands in slack-app-manifest.yaml are generated from it (<c>CoachBot slack-manifest --write</c>; a test
/// fails when the file is stale), since Slack reads them from the app's manifest, not from the bot. The text parser
/// reads typed commands with it, and <c>/help</c> lists it.
/// </summary>
public sealed record CommandDefinition(string Name, string Description)
{
    public IReadOnlyList<CommandOption> Options { get; init; } = [];

    /// <summary>Subcommands (<c>/challenge post</c>, <c>/challenge submit</c>); a command has options or subcommands, not both.</summary>
    public IReadOnlyList<CommandDefinition> Subcommands { get; init; } = [];

    /// <summary>Only moderators may run it (checked by the dispatcher on every call, whatever the platform says).</summary>
    public bool ModeratorOnly { get; init; }

    /// <summary>
    /// For typed commands only: the subcommand used when the text does not start with a subcommand name, so
    /// <c>/interview junior databases</c> reads as <c>/interview start junior databases</c>. Platforms with native
    /// subcommands (Discord) still show them all.
    /// </summary>
    public string? DefaultSubcommand { get; init; }

    /// <summary>Example invocations for help text, e.g. "/quiz databases 5".</summary>
    public IReadOnlyList<string> Examples { get; init; } = [];

    public CommandDefinition? FindSubcommand(string name) =>
        Subcommands.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>A one-line usage, e.g. <c>/quiz [skill] [questions] [difficulty]</c>.</summary>
    public string Usage(string? prefix = null)
    {
        var head = prefix is null ? "/" + Name : prefix + " " + Name;
        if (Subcommands.Count > 0)
        {
            return head + " " + string.Join('|', Subcommands.Select(s => s.Name)) + " …";
        }

        var parts = Options.Select(o => o.Required ? $"<{o.Name}>" : $"[{o.Name}]");
        return string.Join(' ', new[] { head }.Concat(parts));
    }
}
