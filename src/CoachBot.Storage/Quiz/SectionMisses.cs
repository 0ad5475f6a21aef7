namespace CoachBot.Storage.Quiz;

/// <summary>A guide section and how many questions it covers were answered wrongly.</summary>
public sealed record SectionMisses(string Reference, int Wrong);
