namespace CoachBot.Core.Replies;

public enum ReplyVisibility
{
    /// <summary>Everyone in the conversation sees it.</summary>
    Public,

    /// <summary>Only the caller sees it (Discord ephemeral flag, Slack chat.postEphemeral / response_url).</summary>
    Ephemeral,
}
