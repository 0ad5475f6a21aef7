using CoachBot.Core.Conversations;

namespace CoachBot.Core.Dispatch;

/// <summary>
/// A click on a button the bot rendered. <see cref="ButtonId"/> is the raw id from the platform: it is untrusted input
/// (it can be forged or replayed) and the handler must check it against server-side state and its owner.
/// </summary>
public sealed record ButtonRequest(CommandContext Context, string ButtonId) : CoachRequest(Context);
