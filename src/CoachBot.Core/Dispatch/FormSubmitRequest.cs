using CoachBot.Core.Conversations;

namespace CoachBot.Core.Dispatch;

/// <summary>A submitted form (Discord modal, Slack view) with its field values keyed by field id.</summary>
public sealed record FormSubmitRequest(
    CommandContext Context,
    string FormId,
    IReadOnlyDictionary<string, string> Fields) : CoachRequest(Context);
