namespace CoachBot.Core.Replies;

public enum ButtonStyle
{
    Secondary,
    Primary,
    Success,
    Danger,
}
