using System.ComponentModel.DataAnnotations;

namespace CoachBot.Ai.Answers;

/// <summary>How answers are found and when the coach declines. Bound from the "Answers" section.</summary>
public sealed class AnswerOptions
{
    public const string SectionName = "Answers";

    /// <summary>
    /// Overrides <c>Knowledge:MinConfidence</c> for answers: below this retrieval confidence (0..1) the question is
    /// treated as not covered by the guides and declined. Unset: the knowledge setting applies.
    /// </summary>
    [Range(0.0, 1.0)]
    public double? MinConfidence { get; set; }

    /// <summary>Passages retrieved per question and given to the composer.</summary>
    [Range(1, 8)]
    public int Passages { get; set; } = 3;

    /// <summary>
    /// Hosts (no scheme, no path, e.g. <c>roadmap.sh</c>) that a masked link in model-written text may keep pointing to;
    /// any other link is shown with its address, <c>label (https://host/…)</c>. Added to the hosts of the guides' own
    /// sources unless <see cref="AllowGuideSourceLinkHosts"/> is false.
    /// </summary>
    public List<string> AllowedLinkHosts { get; set; } = [];

    /// <summary>When true (default), the hosts of the loaded guides' <c>source</c> addresses are on the link allow-list too.</summary>
    public bool AllowGuideSourceLinkHosts { get; set; } = true;
}
