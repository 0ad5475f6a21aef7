using CoachBot.Discord.Models;
using CoachBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Discord.Messages;

/// <summary>Opens a public thread from a message (the question, or the bot's answer) and remembers it as the bot's.</summary>
public sealed partial class ThreadStarter(
    DiscordRestClient rest,
    BotThreadRegistry threads,
    IOptions<DiscordOptions> options,
    ILogger<ThreadStarter> logger)
{
    private const int MaxNameLength = 100;

    /// <summary>
    /// Longest wait behind the global request limit worth opening a thread for. Threads count against Discord's global
    /// 50 requests a second; in a burst above that, answers stay in the channel instead of queueing for minutes.
    /// </summary>
    public static readonly TimeSpan MaxQueueWait = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The thread id (equal to the message id), or null when Discord refused (DM, forum, missing permission) or the
    /// global request queue is too long right now (the answer then stays where it is).
    /// </summary>
    public Task<string?> StartAsync(string channelId, string messageId, Reply reply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return StartAsync(channelId, messageId, NameFor(reply), ct);
    }

    /// <summary>As <see cref="StartAsync(string, string, Reply, CancellationToken)"/>, with the thread's name given (see <see cref="NameFor(string)"/>).</summary>
    public async Task<string?> StartAsync(string channelId, string messageId, string name, CancellationToken ct)
    {
        if (rest.EstimatedGlobalWait > MaxQueueWait)
        {
            LogThreadSkipped(rest.EstimatedGlobalWait.TotalSeconds);
            return null;
        }

        try
        {
            var thread = await rest.StartThreadFromMessageAsync(
                channelId,
                messageId,
                new StartThreadRequest { Name = name, AutoArchiveDuration = options.Value.ThreadAutoArchiveMinutes },
                ct);
            var threadId = thread?.Id is { Length: > 0 } id ? id : messageId;
            threads.Add(threadId, channelId);
            return threadId;
        }
        catch (DiscordApiException ex) when (ex.Code == DiscordErrorCodes.ThreadAlreadyCreated)
        {
            // A thread already hangs off this message; its id is the message id.
            threads.Add(messageId, channelId);
            return messageId;
        }
        catch (DiscordApiException ex)
        {
            LogThreadRefused(ex.Code ?? 0, ex.Message);
            return null;
        }
    }

    public static string NameFor(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return Clean(!string.IsNullOrWhiteSpace(reply.Title) ? reply.Title : FirstLine(reply.Text));
    }

    /// <summary>A thread name from a text's first line (the question of a mention): markup dropped, at most 100 characters.</summary>
    public static string NameFor(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Clean(FirstLine(text));
    }

    private static string Clean(string source)
    {
        var name = new string(source.Where(c => !char.IsControl(c) && c is not ('*' or '_' or '`' or '#' or '>' or '~')).ToArray()).Trim();
        if (name.Length == 0)
        {
            name = "Coaching";
        }

        return name.Length <= MaxNameLength ? name : name[..(MaxNameLength - 1)] + "…";
    }

    private static string FirstLine(string text)
    {
        var line = text.Trim().Split('\n', 2)[0];
        return line.Length > 80 ? line[..80] : line;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Not opening a thread: {WaitSeconds:0.#} s of requests queued under the global limit; answering in place")]
    private partial void LogThreadSkipped(double waitSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not open a thread (Discord code {Code}): {Reason}; answering in the channel instead")]
    private partial void LogThreadRefused(int code, string reason);
}
