using CoachBot.Core.Conversations;
using CoachBot.Core.Outbound;

namespace CoachBot.Terminal;

/// <summary>The terminal's one person is the operator, a moderator of the local community.</summary>
public sealed class TerminalModeratorDirectory : IModeratorDirectory
{
    public ChatPlatform Platform => ChatPlatform.Terminal;

    public Task<bool?> IsModeratorAsync(string communityId, string userId, CancellationToken cancellationToken) =>
        Task.FromResult<bool?>(communityId == ConversationKey.Terminal.CommunityId);
}
