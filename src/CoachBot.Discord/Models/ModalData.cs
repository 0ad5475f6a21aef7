namespace CoachBot.Discord.Models;

/// <summary>A modal (callback type 9): up to five label-wrapped text inputs.</summary>
public sealed class ModalData
{
    public string CustomId { get; init; } = string.Empty;

    public string Title { get; init; } = string.Empty;

    public IReadOnlyList<ModalLabel> Components { get; init; } = [];
}
