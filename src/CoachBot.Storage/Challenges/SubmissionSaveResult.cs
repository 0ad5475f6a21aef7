namespace CoachBot.Storage.Challenges;

public enum SubmissionSaveResult
{
    Created,

    /// <summary>The member had already submitted; their submission was replaced.</summary>
    Updated,
}
