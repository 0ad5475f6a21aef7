using CoachBot.Core.Commands;
using CoachBot.Core.Conversations;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies;
using CoachBot.Core.Replies.Streaming;

namespace CoachBot.Terminal;

/// <summary>
/// The terminal adapter: reads lines, turns "/commands" into command requests, numbers into button clicks (of the
/// latest buttons shown) and anything else into a direct message, and prints the replies. The terminal user is a
/// moderator of their own one-person community. <c>/progress --chart FILE.png</c> also writes the chart to a file. Files
/// attached to a reply are written to <paramref name="filesDirectory"/> (default: <see cref="TerminalOptions.DefaultFilesDirectory"/>
/// under the working directory) and their paths printed, except attachments that carry a text rendering (a chart),
/// which the reply renderer prints as text.
/// </summary>
public sealed class TerminalChat(
    CoachDispatcher dispatcher, TextReader input, TextWriter output, string userName, bool interactive, string? filesDirectory = null)
{
    private const string Prompt = "you> ";
    private readonly UserIdentity _user = new(ChatPlatform.Terminal, "local-user", userName);
    private List<ReplyButton> _buttons = [];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await output.WriteLineAsync("CoachBot: your backend-career coach. Ask a question, or type /help. /quit leaves.");
        while (!cancellationToken.IsCancellationRequested)
        {
            if (interactive)
            {
                await output.WriteAsync(Prompt);
                await output.FlushAsync(cancellationToken);
            }

            var line = await input.ReadLineAsync(cancellationToken);
            if (line is null)
            {
                break;
            }

            line = line.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line is "/quit" or "/exit")
            {
                break;
            }

            // A question's answer is printed as the model writes it; the finished reply completes it.
            var live = new TerminalLiveAnswer(output);
            var replies = await HandleLineAsync(line, cancellationToken, live);
            await PrintAsync(replies, live, cancellationToken);
        }
    }

    /// <summary>
    /// Handles one typed line and returns the replies (also used by the one-shot <c>ask</c> verb and tests); a question's
    /// answer is reported to <paramref name="progress"/> as it is written, when given.
    /// </summary>
    public async Task<IReadOnlyList<Reply>> HandleLineAsync(string line, CancellationToken cancellationToken, IReplyProgress? progress = null)
    {
        var context = new CommandContext
        {
            User = _user,
            Conversation = ConversationKey.Terminal,
            IsModerator = true,
            IsDirect = true,
            IsLocalOperator = true,
        };

        if (int.TryParse(line, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            && _buttons.Count > 0)
        {
            if (number < 1 || number > _buttons.Count || _buttons[number - 1].Disabled)
            {
                return Reply.One(Reply.Ephemeral($"Pick one of the numbers 1–{_buttons.Count}."));
            }

            return await dispatcher.DispatchAsync(new ButtonRequest(context, _buttons[number - 1].Id), cancellationToken);
        }

        if (ChartRequest.TryParse(line, out var command, out var chartPath))
        {
            var withChart = await HandleLineAsync(command, cancellationToken);
            return [.. withChart, ChartRequest.Write(withChart, chartPath)];
        }

        if (TextCommandParser.IsCommand(line))
        {
            var parsed = TextCommandParser.ParseLine(context, dispatcher.Catalog, line);
            return parsed.Request is null
                ? Reply.One(Reply.Ephemeral(parsed.Error ?? "I couldn't read that command."))
                : await dispatcher.DispatchAsync(parsed.Request, cancellationToken);
        }

        return await dispatcher.DispatchAsync(new MessageRequest(context, line, MessageOrigin.Direct) { Progress = progress }, cancellationToken);
    }

    private async Task PrintAsync(IReadOnlyList<Reply> replies, TerminalLiveAnswer live, CancellationToken cancellationToken)
    {
        var buttons = new List<ReplyButton>();
        foreach (var reply in replies)
        {
            await output.WriteLineAsync(live.Complete(reply, buttons.Count + 1));
            foreach (var attachment in reply.Attachments.Where(a => a.TextFallback is null))
            {
                // Attachments with a text rendering (a chart) were printed by the renderer; any other file goes to disk.
                var path = await TerminalFiles.WriteAsync(filesDirectory ?? TerminalOptions.DefaultFilesDirectory, attachment, cancellationToken);
                await output.WriteLineAsync($"File saved: {path}");
            }

            await output.WriteLineAsync();
            buttons.AddRange(reply.Buttons);
        }

        await output.FlushAsync(cancellationToken);

        // The numbers refer to the buttons printed last; a reply without buttons keeps the previous ones usable.
        if (buttons.Count > 0)
        {
            _buttons = buttons;
        }
    }
}
