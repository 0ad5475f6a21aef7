namespace CoachBot.Core.Replies;

/// <summary>
/// Asks the adapter to open a form (modal). Platforms without forms (the terminal) fall back to
/// <see cref="FallbackText"/>, which tells the person how to answer with a plain command instead.
/// </summary>
public sealed record FormRequest(string Id, string Title, IReadOnlyList<FormField> Fields, string FallbackText);
