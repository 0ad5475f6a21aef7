using System.ComponentModel.DataAnnotations;

namespace CoachBot.Dashboard;

/// <summary>The moderators' dashboard (section "Dashboard"; the question log's retention is Dashboard:QuestionLogDays).</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>How long a sign-in link can be used.</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromMinutes(10);

    /// <summary>How long a dashboard session lasts after sign-in.</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);

    /// <summary>
    /// The key that signs sign-in links (at least 32 characters). Unset, a random key is generated on the first start
    /// and stored in the database, shared by every process on it. Never logged.
    /// </summary>
    [MinLength(32, ErrorMessage = "Dashboard:LinkSigningKey must be at least 32 characters (or unset, to have one generated and stored).")]
    public string? LinkSigningKey { get; set; }
}
