namespace CoachBot.Discord.Models;

/// <summary>The only data a deferred response may carry: its flags.</summary>
public sealed class DeferredResponseData
{
    public int? Flags { get; init; }
}
