using CoachBot.Core.Replies.Streaming;

namespace CoachBot.Slack.Delivery;

/// <summary>A streamed answer's message and the paced progress that feeds it.</summary>
public sealed record SlackStreamingAnswer(SlackStreamedAnswer Answer, PacedReplyProgress Progress);
