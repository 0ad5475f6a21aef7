using CoachBot.Core.Conversations;

namespace CoachBot.Core.Dispatch;

/// <summary>Free text addressed to the bot (DM, mention with the mention removed, thread reply, terminal line).</summary>
public sealed record MessageRequest(CommandContext Context, string Text, MessageOrigin Origin) : CoachRequest(Context);
