namespace CoachBot.Slack.Rendering;

/// <summary>An uploaded image to show in a message: its Slack file id and alt text (image block, <c>slack_file</c>).</summary>
public sealed record SlackImage(string FileId, string AltText, string Title);
