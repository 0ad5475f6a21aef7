namespace CoachBot.Slack.Api;

/// <summary>Where a posted message landed: its channel and its ts (the message id, kept as a string).</summary>
public sealed record SlackPostedMessage(string Channel, string Ts);
