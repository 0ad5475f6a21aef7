namespace CoachBot.Knowledge.Guides;

/// <summary>A guide of the knowledge base: its front matter and its sections in document order.</summary>
public sealed record Guide(
    string Id,
    string Title,
    string Source,
    IReadOnlyList<string> Topics,
    IReadOnlyList<GuideSection> Sections,
    string FilePath);
