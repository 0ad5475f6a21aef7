namespace CoachBot.Ai.Answers;

/// <summary>A sentence of a passage, verbatim, with the (non-empty) line it stands on and whether that line is a list item.</summary>
public sealed record GuideSentence(string Text, int Line, bool IsListItem)
{
    /// <summary>Ends like the opening of a list ("These skills include:", "Key languages include").</summary>
    public bool ReadsAsLeadIn =>
        Text.EndsWith(':')
        || Text.EndsWith(" include", StringComparison.OrdinalIgnoreCase)
        || Text.EndsWith(" including", StringComparison.OrdinalIgnoreCase)
        || Text.EndsWith(" following", StringComparison.OrdinalIgnoreCase);
}
