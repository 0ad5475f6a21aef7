using CoachBot.Core.Conversations;

namespace CoachBot.Core.Dispatch;

/// <summary>Something a person did that the coach must answer. Adapters translate platform events into one of the subtypes.</summary>
public abstract record CoachRequest(CommandContext Context);
