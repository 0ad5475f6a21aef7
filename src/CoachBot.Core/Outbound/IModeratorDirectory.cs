using CoachBot.Core.Conversations;

namespace CoachBot.Core.Outbound;

/// <summary>
/// Asks a platform (or the configured moderator list it uses) whether someone is a moderator of a community now, for
/// actions taken outside a chat event (the dashboard), where no event carries the caller's rights.
/// </summary>
public interface IModeratorDirectory
{
    ChatPlatform Platform { get; }

    /// <summary>True or false when the platform or configuration tells; null when it cannot tell.</summary>
    Task<bool?> IsModeratorAsync(string communityId, string userId, CancellationToken cancellationToken);
}

/// <summary>Routes a moderator check to the directory of the community's platform; null when none is registered.</summary>
public sealed class ModeratorDirectories(IEnumerable<IModeratorDirectory> directories)
{
    private readonly Dictionary<ChatPlatform, IModeratorDirectory> _byPlatform = directories.ToDictionary(d => d.Platform);

    public Task<bool?> IsModeratorAsync(ChatPlatform platform, string communityId, string userId, CancellationToken cancellationToken) =>
        _byPlatform.TryGetValue(platform, out var directory)
            ? directory.IsModeratorAsync(communityId, userId, cancellationToken)
            : Task.FromResult<bool?>(null);
}
