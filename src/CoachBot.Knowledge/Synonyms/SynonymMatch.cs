namespace CoachBot.Knowledge.Synonyms;

/// <summary>A synonym-list phrase found in a question, with what it expands to.</summary>
public sealed record SynonymMatch(string Phrase, IReadOnlyList<string> Expansions);
