namespace CoachBot.Discord.Models;

public static class MessageFlags
{
    public const int Ephemeral = 64;
}
