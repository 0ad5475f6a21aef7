using System.Collections.Concurrent;
using System.Net;
using CoachBot.Discord.Interactions;
using CoachBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Discord.Outbound;

/// <summary>
/// Discord's answer to "is this member a moderator of the guild now?" for the dashboard, by the rule chat events use
/// (<see cref="DiscordContextFactory"/>): a role in Discord:ModeratorRoleIds, or Manage Server or Administrator, here
/// worked out from REST data: GET /guilds/{guild}/members/{user} (roles; 404 Unknown Member: left the server, so no)
/// and, unless a moderator role already answered, GET /guilds/{guild} (owner and role permissions). Through the
/// adapter's REST client, so its rate-limit buckets, retries and Discord:ApiBaseUrl apply. When Discord can't be asked
/// (network, 5xx, token refused) the answer is null: the caller keeps the rights checked when the link was issued.
/// Definite answers are kept for 30 seconds, so a burst of dashboard actions costs two requests, not two each.
/// </summary>
public sealed partial class DiscordModeratorDirectory(
    DiscordRestClient rest, IOptions<DiscordOptions> options, TimeProvider time, ILogger<DiscordModeratorDirectory> logger) : IModeratorDirectory
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private const int MaxCached = 10_000;
    private readonly ConcurrentDictionary<(string Guild, string User), (bool Answer, DateTimeOffset At)> _answers = new();

    public ChatPlatform Platform => ChatPlatform.Discord;

    public async Task<bool?> IsModeratorAsync(string communityId, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(communityId);
        ArgumentNullException.ThrowIfNull(userId);
        if (!IsSnowflake(communityId) || !IsSnowflake(userId))
        {
            // Direct messages ("dm") and ids Discord never issues have no moderators.
            return false;
        }

        var now = time.GetUtcNow();
        if (_answers.TryGetValue((communityId, userId), out var cached) && now - cached.At < CacheFor)
        {
            return cached.Answer;
        }

        bool answer;
        try
        {
            answer = await AskDiscordAsync(communityId, userId, now, cancellationToken);
        }
        catch (DiscordApiException ex) when (ex.Status == HttpStatusCode.NotFound
            && ex.Code is DiscordErrorCodes.UnknownMember or DiscordErrorCodes.UnknownUser)
        {
            answer = false;
        }
        catch (DiscordApiException ex)
        {
            LogCannotTell(communityId, ex.Message);
            return null;
        }

        if (_answers.Count >= MaxCached)
        {
            _answers.Clear();
        }

        _answers[(communityId, userId)] = (answer, now);
        return answer;
    }

    private async Task<bool> AskDiscordAsync(string guildId, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var member = await rest.GetGuildMemberAsync(guildId, userId, cancellationToken);
        if (DiscordPermissions.HasModeratorRole(options.Value.ModeratorRoleIds, member.Roles))
        {
            return true;
        }

        var guild = await rest.GetGuildAsync(guildId, cancellationToken);
        return DiscordPermissions.CanModerate(guild, member, userId, now);
    }

    private static bool IsSnowflake(string id) => id.Length is > 0 and <= 20 && id.All(char.IsAsciiDigit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not ask Discord whether a dashboard user is still a moderator of guild {Guild}; the rights checked at sign-in stand: {Reason}")]
    private partial void LogCannotTell(string guild, string reason);
}
