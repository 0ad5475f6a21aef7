namespace CoachBot.Core.Commands;

public enum CommandOptionType
{
    Text,
    /// <summary>A whole number.</summary>
    Number,
    YesNo,

    /// <summary>A member of the community, picked the platform's way; the adapter delivers its id in <c>CommandRequest.MentionedIds</c>.</summary>
    User,

    /// <summary>A channel, picked the platform's way; the adapter delivers its id in <c>CommandRequest.MentionedIds</c>.</summary>
    Channel,
}
