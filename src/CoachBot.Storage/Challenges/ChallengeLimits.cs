namespace CoachBot.Storage.Challenges;

/// <summary>Column lengths of the challenge tables (the feature validates input against the same numbers).</summary>
public static class ChallengeLimits
{
    public const int TitleLength = 100;

    public const int BriefLength = 2000;

    public const int SubmissionLength = 4000;

    public const int TimeZoneLength = 64;

    public const int WeekKeyLength = 16;

    public const int ActionLength = 64;

    public const int DetailsLength = 2000;

    public const int ErrorLength = 500;

    public const int MessageIdLength = 100;

    public const int CorrelationIdLength = 64;
}
