namespace CoachBot.Storage.Dashboard;

/// <summary>
/// A secret the dashboard generated on its first start and shares between processes on one database (the key that
/// signs sign-in links when Dashboard:LinkSigningKey is not configured). Never logged, never shown.
/// </summary>
public sealed class DashboardSecret
{
    public const int NameLength = 64;

    public const int ValueLength = 128;

    public string Name { get; set; } = "";

    /// <summary>Base64 of the secret's bytes.</summary>
    public string Value { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
