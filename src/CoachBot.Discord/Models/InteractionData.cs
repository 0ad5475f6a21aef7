using System.Text.Json;

namespace CoachBot.Discord.Models;

/// <summary>The <c>data</c> of an interaction: command name and options, or a component's custom id, or a modal's fields.</summary>
public sealed class InteractionData
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public int? Type { get; init; }

    public IReadOnlyList<InteractionDataOption> Options { get; init; } = [];

    public string? CustomId { get; init; }

    public int? ComponentType { get; init; }

    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>Submitted modal components (label-wrapped or action-row-wrapped text inputs).</summary>
    public JsonElement? Components { get; init; }
}
