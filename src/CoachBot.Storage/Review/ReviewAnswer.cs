namespace CoachBot.Storage.Review;

/// <summary>One answer given in <c>/review</c> (the review log), for the competency map and the member's data export.</summary>
public sealed class ReviewAnswer
{
    public long Id { get; set; }

    public string ItemId { get; set; } = "";

    public string UserKey { get; set; } = "";

    public string CommunityKey { get; set; } = "";

    public string Skill { get; set; } = "";

    public ReviewItemKind Kind { get; set; }

    public bool IsCorrect { get; set; }

    public DateTimeOffset AnsweredAt { get; set; }
}
