namespace CoachBot.Core.Commands;

public enum CommandOptionType
{
    Text,
    /// <summary>A whole number.</summary>
    Number,
    YesNo,

    /// <summary>A member of the community (Discord user option; Slack <c>&lt;@U…&gt;</c>).</summary>
    User,

    /// <summary>A channel (Discord channel option; Slack <c>&lt;#C…&gt;</c>).</summary>
    Channel,
}
