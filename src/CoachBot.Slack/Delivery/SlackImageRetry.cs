using System.Text.Json.Nodes;
using CoachBot.Slack.Api;
using CoachBot.Slack.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Slack.Delivery;

/// <summary>
/// Sends a message that shows an uploaded file in an image block (<c>slack_file</c>). Right after
/// files.completeUploadExternal Slack may still be processing the file and refuse the message with
/// <c>invalid_blocks</c> (<c>invalid slack file [json-pointer:/blocks/N/slack_file]</c>); the same message goes through
/// a moment later (https://github.com/slackapi/python-slack-sdk/issues/1521). So it is sent again after
/// <see cref="SlackOptions.ImageNotReadyRetryDelay"/>, doubling, up to <see cref="SlackOptions.ImageNotReadyRetries"/>
/// times, and then once more without its image blocks: the text carries the same figures.
/// </summary>
public sealed partial class SlackImageRetry(IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackImageRetry> logger)
{
    public async Task<T> SendAsync<T>(SlackMessage message, Func<SlackMessage, CancellationToken, Task<T>> send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(send);
        if (!message.Blocks.Any(IsUploadedImage))
        {
            return await send(message, cancellationToken);
        }

        var delay = options.Value.ImageNotReadyRetryDelay;
        for (var retry = 0; ; retry++)
        {
            try
            {
                return await send(message, cancellationToken);
            }
            catch (SlackApiException ex) when (IsImageNotReady(ex) && retry < options.Value.ImageNotReadyRetries)
            {
                LogImageNotReady(ex.Method, retry + 1, delay.TotalMilliseconds);
                await Task.Delay(delay, time, cancellationToken);
                delay *= 2;
            }
            catch (SlackApiException ex) when (IsImageNotReady(ex))
            {
                LogSentWithoutImage(ex.Method, retry);
                return await send(WithoutUploadedImages(message), cancellationToken);
            }
        }
    }

    /// <summary>
    /// Slack's refusal of a block it cannot show (yet): <c>invalid_blocks</c> whose details name a <c>slack_file</c>, or
    /// that come without details (a response_url answers the bare code).
    /// </summary>
    public static bool IsImageNotReady(SlackApiException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Error == "invalid_blocks"
            && (exception.Details.All(d => d.StartsWith("HTTP ", StringComparison.Ordinal))
                || exception.Details.Any(d => d.Contains("slack_file", StringComparison.OrdinalIgnoreCase)));
    }

    public static SlackMessage WithoutUploadedImages(SlackMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message with { Blocks = [.. message.Blocks.Where(b => !IsUploadedImage(b))] };
    }

    private static bool IsUploadedImage(JsonObject block) =>
        block["type"] is JsonValue type && type.TryGetValue<string>(out var name) && name == "image" && block["slack_file"] is not null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack {Method} refused an uploaded image that is still processing (try {Retry}); sending again in {DelayMs} ms")]
    private partial void LogImageNotReady(string method, int retry, double delayMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} still refused the uploaded image after {Retries} retries; sent the reply without it (its text has the same figures)")]
    private partial void LogSentWithoutImage(string method, int retries);
}
