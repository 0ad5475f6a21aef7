namespace CoachBot.Core.Outbound;

/// <summary>What a platform error from a channel lookup means for ownership.</summary>
public enum ChannelLookupError
{
    /// <summary>The platform does not know the channel or hides it from the bot.</summary>
    NotFound,

    /// <summary>The lookup failed for another reason: ownership is unknown.</summary>
    Failed,
}
