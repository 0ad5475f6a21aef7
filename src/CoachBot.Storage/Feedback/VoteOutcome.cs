namespace CoachBot.Storage.Feedback;

/// <summary>What a click did: a first vote, a changed vote, or the same vote again.</summary>
public enum VoteOutcome
{
    Recorded,
    Changed,
    Unchanged,
}
