using CoachBot.Core.Replies;
using CoachBot.Core.Replies.Streaming;

namespace CoachBot.Terminal;

/// <summary>
/// Prints an answer in the terminal as the model writes it: each report adds the new words to the line (no pacing, a
/// console has no rate limit). The finished reply then completes what was printed (<see cref="Complete"/>): the rest of
/// its text with the sources and note, or, when it is not a continuation of what was printed (the model broke off and
/// the offline answer replaced it), a marker and the finished reply whole, so no half answer is left as the answer.
/// </summary>
public sealed class TerminalLiveAnswer(TextWriter output) : IReplyProgress
{
    /// <summary>Printed before the finished reply when it replaces a streamed answer that broke off.</summary>
    public const string ReplacedMarker = "[the model stopped part way; here is the answer from the guides]";

    private readonly Lock _lock = new();
    private string _printed = string.Empty;

    public void Report(Func<string> textSoFar)
    {
        ArgumentNullException.ThrowIfNull(textSoFar);
        lock (_lock)
        {
            var plain = TerminalReplyRenderer.Plain(textSoFar());
            if (plain.Length > _printed.Length && plain.StartsWith(_printed, StringComparison.Ordinal))
            {
                output.Write(plain[_printed.Length..]);
                output.Flush();
                _printed = plain;
            }
        }
    }

    /// <summary>The finished reply as it should still be printed, given what was printed while it was written.</summary>
    public string Complete(Reply reply, int firstButtonNumber)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var rendered = TerminalReplyRenderer.Render(reply, firstButtonNumber);
        lock (_lock)
        {
            var printed = _printed;
            _printed = string.Empty;
            if (printed.Length == 0)
            {
                return rendered;
            }

            return rendered.StartsWith(printed, StringComparison.Ordinal)
                ? rendered[printed.Length..]
                : Environment.NewLine + ReplacedMarker + Environment.NewLine + rendered;
        }
    }
}
