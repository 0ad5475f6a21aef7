namespace CoachBot.Core.Conversations;

/// <summary>Where a request came from. Features may read it (e.g. for wording) but never branch coaching logic on it.</summary>
public enum ChatPlatform
{
    Terminal,
    Discord,
    Slack,
}
