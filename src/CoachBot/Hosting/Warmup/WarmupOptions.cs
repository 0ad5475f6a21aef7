using System.ComponentModel.DataAnnotations;

namespace CoachBot.Hosting.Warmup;

/// <summary>Warmup:Rounds: how many times the hot-path warm-up runs its canned events after start-up (0 turns it off).</summary>
public sealed class WarmupOptions
{
    public const string SectionName = "Warmup";

    [Range(0, 1000)]
    public int Rounds { get; set; } = 40;
}
