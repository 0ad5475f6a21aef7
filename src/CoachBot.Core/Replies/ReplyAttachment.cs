namespace CoachBot.Core.Replies;

/// <summary>
/// A file sent with a reply (e.g. the <c>/progress</c> chart as a PNG). Adapters upload it the platform's way (Discord:
/// multipart <c>files[n]</c>; Slack: the external upload, shown in the reply) or, where they cannot show files,
/// print <see cref="TextFallback"/>. <see cref="AltText"/> describes it for screen readers; the reply text carries
/// the same figures, so nothing is only in the picture.
/// </summary>
public sealed record ReplyAttachment(string FileName, string ContentType, ReadOnlyMemory<byte> Content, string AltText)
{
    public const string Png = "image/png";

    /// <summary>Discord's limit on an attachment's description (alt text); Slack's is larger.</summary>
    public const int MaxAltTextLength = 1024;

    /// <summary>A text rendering for clients that show no images (the terminal's bar chart), or null.</summary>
    public string? TextFallback { get; init; }

    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);
}
