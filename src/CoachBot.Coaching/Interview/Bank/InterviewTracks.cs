namespace CoachBot.Coaching.Interview.Bank;

/// <summary>The interview tracks (topic areas) of the bank, with the words people use for them.</summary>
public static class InterviewTracks
{
    public const string Fundamentals = "fundamentals";
    public const string Databases = "databases";
    public const string Apis = "apis";
    public const string Security = "security";
    public const string SystemDesign = "system-design";
    public const string TestingCicd = "testing-cicd";
    public const string CloudDevops = "cloud-devops";
    public const string Behavioral = "behavioral";
    public const string Career = "career";

    /// <summary>Not a bank track: questions from every track at the chosen level.</summary>
    public const string Mixed = "mixed";

    public static IReadOnlyList<string> All { get; } =
        [Fundamentals, Databases, Apis, Security, SystemDesign, TestingCicd, CloudDevops, Behavioral, Career];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["fundamentals"] = Fundamentals,
        ["fundamental"] = Fundamentals,
        ["programming"] = Fundamentals,
        ["cs"] = Fundamentals,
        ["databases"] = Databases,
        ["database"] = Databases,
        ["db"] = Databases,
        ["sql"] = Databases,
        ["apis"] = Apis,
        ["api"] = Apis,
        ["rest"] = Apis,
        ["security"] = Security,
        ["system-design"] = SystemDesign,
        ["systemdesign"] = SystemDesign,
        ["system_design"] = SystemDesign,
        ["system design"] = SystemDesign,
        ["design"] = SystemDesign,
        ["architecture"] = SystemDesign,
        ["testing-cicd"] = TestingCicd,
        ["testing"] = TestingCicd,
        ["cicd"] = TestingCicd,
        ["ci-cd"] = TestingCicd,
        ["ci/cd"] = TestingCicd,
        ["tests"] = TestingCicd,
        ["testing & ci/cd"] = TestingCicd,
        ["cloud-devops"] = CloudDevops,
        ["cloud"] = CloudDevops,
        ["devops"] = CloudDevops,
        ["cloud & devops"] = CloudDevops,
        ["behavioral"] = Behavioral,
        ["behavioural"] = Behavioral,
        ["behavior"] = Behavioral,
        ["star"] = Behavioral,
        ["career"] = Career,
        ["mixed"] = Mixed,
        ["mix"] = Mixed,
        ["mixed topics"] = Mixed,
        ["any"] = Mixed,
        ["all"] = Mixed,
    };

    /// <summary>The canonical track for what someone typed (a track, an alias or "mixed"), or null.</summary>
    public static string? Normalize(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : Aliases.GetValueOrDefault(text.Trim());

    public static bool IsBankTrack(string track) => All.Contains(track, StringComparer.Ordinal);

    /// <summary>For people: "system design", "testing & CI/CD", ….</summary>
    public static string Display(string track) => track switch
    {
        Apis => "APIs",
        SystemDesign => "system design",
        TestingCicd => "testing & CI/CD",
        CloudDevops => "cloud & DevOps",
        Mixed => "mixed topics",
        _ => track,
    };
}
