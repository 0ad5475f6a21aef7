using CoachBot.Core.Dispatch;

namespace CoachBot.Core.Commands;

/// <summary>Either a parsed request or a message for the person saying what was wrong (with the usage line).</summary>
public sealed record TextCommandParseResult(CommandRequest? Request, string? Error)
{
    public static TextCommandParseResult Ok(CommandRequest request) => new(request, null);

    public static TextCommandParseResult Fail(string error) => new(null, error);
}
