using System.ComponentModel.DataAnnotations;

namespace CoachBot.Core.Dispatch;

/// <summary>Limits applied to every request before a feature sees it. Bound from the "Dispatch" section.</summary>
public sealed class DispatchOptions
{
    public const string SectionName = "Dispatch";

    /// <summary>Longest free-text message or option value accepted, in characters; longer input gets a clear refusal.</summary>
    [Range(100, 20000)]
    public int MaxInputLength { get; set; } = 4000;
}
