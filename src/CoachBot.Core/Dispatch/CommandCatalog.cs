using CoachBot.Core.Commands;

namespace CoachBot.Core.Dispatch;

/// <summary>Every command the running bot offers, as registered by features. Adapters read it to register commands.</summary>
public sealed class CommandCatalog
{
    private readonly Dictionary<string, ICommandHandler> _handlers;

    public CommandCatalog(IEnumerable<ICommandHandler> handlers)
    {
        _handlers = new Dictionary<string, ICommandHandler>(StringComparer.OrdinalIgnoreCase);
        foreach (var handler in handlers)
        {
            if (!_handlers.TryAdd(handler.Definition.Name, handler))
            {
                throw new InvalidOperationException($"Two handlers are registered for the command '/{handler.Definition.Name}'.");
            }
        }

        Definitions = _handlers.Values.Select(h => h.Definition).OrderBy(d => d.Name, StringComparer.Ordinal).ToArray();
    }

    public IReadOnlyList<CommandDefinition> Definitions { get; }

    public CommandDefinition? Find(string name) => Get(name)?.Definition;

    internal ICommandHandler? Get(string name) =>
        _handlers.TryGetValue(name.TrimStart('/'), out var handler) ? handler : null;
}
