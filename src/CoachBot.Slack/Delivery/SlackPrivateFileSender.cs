using CoachBot.Slack.Api;
using Microsoft.Extensions.Logging;

namespace CoachBot.Slack.Delivery;

/// <summary>
/// Sends a reply's non-image files (the <c>/mydata export</c> JSON) to the member alone. Slack files have no ephemeral
/// mode and an unshared file can be opened by its uploader only, so the file is shared in the one conversation only the
/// member and the bot are in: conversations.open gives the bot's DM with them, and files.completeUploadExternal with
/// that channel_id shares it there (https://docs.slack.dev/reference/methods/files.completeUploadExternal/: "Channel ID
/// where the file will be shared"). Returns a line for the reply saying where the file went, or why it did not.
/// </summary>
public sealed partial class SlackPrivateFileSender(SlackApiClient api, ILogger<SlackPrivateFileSender> logger)
{
    public async Task<string> SendAsync(string userId, IReadOnlyList<ReplyAttachment> files, string? title, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(files);
        var names = string.Join(", ", files.Select(f => "`" + Path.GetFileName(f.FileName) + "`"));
        try
        {
            var dm = await api.OpenDirectMessageAsync(userId, cancellationToken);
            foreach (var file in files)
            {
                await api.UploadFileToConversationAsync(
                    file.FileName, file.Content, file.AltText, title ?? file.FileName, dm, file.AltText, cancellationToken);
            }

            return $"The file {names} is in your direct messages with me (only you can see it there).";
        }
        catch (SlackApiException ex)
        {
            LogFileNotSent(ex.Method, ex.Error);
            return $"I couldn't send you the file {names} by direct message (Slack said `{ex.Error}`). "
                + "Make sure you can receive messages from this app (its Messages tab), then try again.";
        }
        catch (HttpRequestException ex)
        {
            LogFileNotSent("http", ex.Message);
            return $"I couldn't send you the file {names} just now (Slack could not be reached). Please try again in a moment.";
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send a private file by direct message ({Method}: {Error})")]
    private partial void LogFileNotSent(string method, string error);
}
