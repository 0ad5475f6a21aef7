namespace CoachBot.Discord.Models;

/// <summary><c>{"parse":[],"replied_user":false}</c>: no @everyone, @here, role or user pings, whatever the text says.</summary>
public sealed class AllowedMentions
{
    private AllowedMentions()
    {
    }

    public static AllowedMentions None { get; } = new();

    public IReadOnlyList<string> Parse { get; } = [];

    public bool RepliedUser { get; }
}
