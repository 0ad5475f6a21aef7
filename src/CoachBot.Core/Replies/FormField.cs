namespace CoachBot.Core.Replies;

/// <summary>A text field in a form the adapter shows (Discord modal text input, Slack view input block).</summary>
public sealed record FormField(string Id, string Label, bool Multiline = false, bool Required = true, int MaxLength = 4000)
{
    public string? Placeholder { get; init; }

    public string? InitialValue { get; init; }
}
