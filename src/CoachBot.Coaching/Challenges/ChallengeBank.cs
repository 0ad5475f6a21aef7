using CoachBot.Knowledge;
using Microsoft.Extensions.Options;

namespace CoachBot.Coaching.Challenges;

/// <summary>
/// The loaded challenge bank, read once on first use from <see cref="ChallengesOptions.BankPath"/> (or the knowledge
/// folder's <c>challenges/</c>). Picks the next challenge a community has not had yet.
/// </summary>
public sealed class ChallengeBank
{
    private readonly Lazy<IReadOnlyList<BankChallenge>> _challenges;

    public ChallengeBank(IOptions<ChallengesOptions> options, IOptions<KnowledgeOptions> knowledge)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(knowledge);
        var configured = options.Value.BankPath;
        var knowledgePath = knowledge.Value.Path;
        _challenges = new Lazy<IReadOnlyList<BankChallenge>>(() => ChallengeBankLoader.LoadDirectory(ResolveDirectory(configured, knowledgePath)));
    }

    private ChallengeBank(IReadOnlyList<BankChallenge> challenges)
    {
        _challenges = new Lazy<IReadOnlyList<BankChallenge>>(challenges);
    }

    /// <summary>A bank over the given challenges (tests, tools).</summary>
    public static ChallengeBank From(IReadOnlyList<BankChallenge> challenges) => new(challenges);

    public IReadOnlyList<BankChallenge> Challenges => _challenges.Value;

    public BankChallenge? Find(string id) => Challenges.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.Ordinal));

    /// <summary>
    /// The first challenge in bank order the community has never had; when every one has been used, the one used
    /// longest ago (so the bank cycles rather than running dry).
    /// </summary>
    public BankChallenge? NextUnused(IReadOnlyDictionary<string, DateTimeOffset> lastUsed)
    {
        ArgumentNullException.ThrowIfNull(lastUsed);
        return Challenges.FirstOrDefault(c => !lastUsed.ContainsKey(c.Id))
            ?? Challenges.OrderBy(c => lastUsed[c.Id]).FirstOrDefault();
    }

    public static string ResolveDirectory(string? bankPath, string? knowledgePath) =>
        KnowledgeDirectory.ResolveBank(bankPath, $"{ChallengesOptions.SectionName}:{nameof(ChallengesOptions.BankPath)}", knowledgePath, "challenges");
}
