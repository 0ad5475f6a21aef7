using System.ComponentModel.DataAnnotations;

namespace CoachBot.Terminal;

/// <summary>The terminal chat (the embedded default). Bound from the "Terminal" section.</summary>
public sealed class TerminalOptions
{
    public const string SectionName = "Terminal";

    public const string DefaultFilesDirectory = "exports";

    /// <summary>
    /// Null (default): the terminal chat opens when no platform token is configured. True: always open it (e.g. to try
    /// commands locally while connected to Discord). False: never.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>The name the terminal user is shown as (leaderboards, progress).</summary>
    [Required]
    [StringLength(64, MinimumLength = 1)]
    public string UserName { get; set; } = Environment.UserName is { Length: > 0 } name ? name : "you";

    /// <summary>Where files attached to replies (a <c>/mydata export</c>) are written, relative to the working directory.</summary>
    [Required]
    [StringLength(400, MinimumLength = 1)]
    public string FilesDirectory { get; set; } = DefaultFilesDirectory;
}
