namespace CoachBot.Coaching.Competency;

/// <summary>
/// One model of a member's level per skill, built from quiz answers, reviews and LLM-graded interview answers
/// (recency-weighted). Platform-neutral: <c>/progress</c> renders it as text and a chart, the roadmap reads it to order
/// the next steps.
/// </summary>
public interface ICompetencyMap
{
    /// <summary>
    /// The member's figures for every skill of the quiz bank (untried skills included, with a null level).
    /// <paramref name="communityKey"/> is <c>ConversationKey.CommunityKey</c> (<c>platform:communityId</c>),
    /// <paramref name="userKey"/> is <c>UserIdentity.Key</c> (<c>platform:userId</c>), the keys every store uses.
    /// </summary>
    Task<CompetencySnapshot> ForMemberAsync(string communityKey, string userKey, CancellationToken cancellationToken);
}
