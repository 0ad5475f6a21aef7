using CoachBot.Core.Replies.Streaming;
using CoachBot.Slack.Api;
using CoachBot.Slack.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Slack.Delivery;

/// <summary>
/// Opens the message a thread answer is streamed into (<see cref="SlackStreamedAnswer"/>), paced at about one append a
/// second, or nothing when <c>Slack:StreamAnswers</c> is off. Only answers that are normal thread messages stream: an
/// ephemeral answer (a slash command's private reply) can't be edited into being and is delivered once, complete.
/// </summary>
public sealed class SlackAnswerStreams(SlackApiClient api, TimeProvider time, IOptions<SlackOptions> options, ILogger<SlackStreamedAnswer> logger)
{
    /// <summary>The least time between two appends to one streaming message.</summary>
    public static readonly TimeSpan AppendInterval = TimeSpan.FromSeconds(1);

    public SlackStreamingAnswer? Open(SlackReplyTarget target, string? teamId, bool direct, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!options.Value.StreamAnswers)
        {
            return null;
        }

        var answer = new SlackStreamedAnswer(api, target, teamId, direct, time, logger);
        return new SlackStreamingAnswer(answer, new PacedReplyProgress(answer.ShowAsync, AppendInterval, time, cancellationToken));
    }
}
