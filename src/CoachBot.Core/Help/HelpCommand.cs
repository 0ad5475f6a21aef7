using System.Text;
using CoachBot.Core.Commands;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies;

namespace CoachBot.Core.Help;

/// <summary>
/// <c>/help</c>: what the coach can do, generated from the registered command definitions. The catalog comes lazily:
/// it is built from every command handler, this one included, so it cannot exist before this handler does.
/// </summary>
public sealed class HelpCommand(Lazy<CommandCatalog> commands) : ICommandHandler
{
    public CommandDefinition Definition { get; } = new("help", "What the coach can do and how to ask")
    {
        Options = [new CommandOption("command", "A command to explain, e.g. quiz")],
        Examples = ["/help", "/help quiz"],
    };

    /// <summary>Help is for the asker only, whatever was asked.</summary>
    public ReplyVisibility FirstReplyVisibility(CommandRequest request) => ReplyVisibility.Ephemeral;

    public Task<IReadOnlyList<Reply>> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var catalog = commands.Value;
        var asked = request.Option("command")?.TrimStart('/');
        if (asked is not null)
        {
            var definition = catalog.Find(asked);
            return Task.FromResult(Reply.One(Reply.Ephemeral(definition is null
                ? $"There is no `/{asked.Replace('`', '\'')}` command. Type `/help` for the list."
                : Describe(definition))));
        }

        var text = new StringBuilder()
            .AppendLine("I'm CoachBot, a coach for the backend-engineering career path. I answer from a bundled set of guides and cite the sections I use.")
            .AppendLine();
        foreach (var definition in catalog.Definitions)
        {
            var moderator = definition.ModeratorOnly ? " *(moderators)*" : string.Empty;
            text.Append("- `").Append(definition.Usage()).Append("`: ").Append(definition.Description).AppendLine(moderator);
        }

        text.AppendLine()
            .Append("You can also just ask a question: mention me in a channel, message me directly, or keep talking in the thread I start.");
        return Task.FromResult(Reply.One(new Reply { Title = "How I can help", Text = text.ToString(), Visibility = ReplyVisibility.Ephemeral }));
    }

    private static string Describe(CommandDefinition definition)
    {
        var text = new StringBuilder().Append('`').Append(definition.Usage()).Append("`: ").AppendLine(definition.Description);
        foreach (var option in definition.Options)
        {
            text.Append("- `").Append(option.Name).Append('`').Append(option.Required ? " (required)" : string.Empty)
                .Append(": ").Append(option.Description);
            if (option.Choices.Count > 0)
            {
                text.Append(" (").Append(string.Join(", ", option.Choices.Select(c => c.Value))).Append(')');
            }

            text.AppendLine();
        }

        foreach (var sub in definition.Subcommands)
        {
            text.Append("- `").Append(sub.Usage("/" + definition.Name)).Append("`: ").Append(sub.Description)
                .AppendLine(sub.ModeratorOnly ? " *(moderators)*" : string.Empty);
        }

        if (definition.Examples.Count > 0)
        {
            text.Append("Examples: ").AppendJoin(", ", definition.Examples.Select(e => $"`{e}`"));
        }

        return text.ToString().TrimEnd();
    }
}
