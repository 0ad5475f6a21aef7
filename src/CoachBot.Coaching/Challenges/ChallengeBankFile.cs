namespace CoachBot.Coaching.Challenges;

/// <summary>The YAML shape of a bank file (<c>challenges:</c> list); read by <see cref="ChallengeBankLoader"/>.</summary>
internal sealed class ChallengeBankFile
{
    public List<ChallengeBankEntry>? Challenges { get; set; }
}
