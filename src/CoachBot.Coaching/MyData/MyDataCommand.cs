using CoachBot.Core.Commands;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies;

namespace CoachBot.Coaching.MyData;

/// <summary><c>/mydata export</c> (a JSON file of everything stored about you) and <c>/mydata delete</c> (asks first).</summary>
public sealed class MyDataCommand(MyDataService data) : ICommandHandler
{
    public const string Name = "mydata";
    public const string Export = "export";
    public const string Delete = "delete";

    public CommandDefinition Definition { get; } = new(Name, "Your data: get a copy of everything stored about you, or delete it")
    {
        Subcommands =
        [
            new CommandDefinition(Export, "Get a JSON file of everything the coach stores about you (only you see it)"),
            new CommandDefinition(Delete, "Delete everything the coach stores about you (asks to confirm first)"),
        ],
        Examples = ["/mydata export", "/mydata delete"],
    };

    /// <summary>Your data is yours: every reply is private.</summary>
    public ReplyVisibility FirstReplyVisibility(CommandRequest request) => ReplyVisibility.Ephemeral;

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Subcommand?.ToLowerInvariant() switch
        {
            Export => Reply.One(await data.ExportAsync(request.Context, cancellationToken)),
            Delete => Reply.One(data.AskToConfirmDeletion(request.Context)),
            _ => Reply.One(Reply.Ephemeral($"Usage: `{Definition.Usage()}`: `/mydata export` sends you a file of your data, `/mydata delete` deletes it.")),
        };
    }
}
