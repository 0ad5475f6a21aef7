namespace CoachBot.Slack.Http;

public enum SlackSignatureCheck
{
    Valid,
    Missing,
    Invalid,
    Stale,
}
