using System.Text.Json;
using CoachBot.Discord.Models;

namespace CoachBot.Discord.Gateway;

/// <summary>
/// What a dispatch must hold before a handler sees it. Discord always sends these fields; one without them (no id or
/// token, nulls where lists belong, text no JSON reader can decode such as a lone surrogate) is malformed, and is
/// dropped with a warning rather than failing inside a handler, where it used to end in an error log or a lost ack.
/// </summary>
public static class DispatchShape
{
    /// <summary>The raw data: an object whose strings are all readable.</summary>
    public static string? ProblemWith(JsonElement data) =>
        data.ValueKind != JsonValueKind.Object ? "its data is not an object"
        : HasUnreadableText(data) ? "it holds text that is not valid UTF-16"
        : null;

    public static string? ProblemWith(DiscordInteraction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (string.IsNullOrEmpty(interaction.Id) || string.IsNullOrEmpty(interaction.Token))
        {
            return "it has no id or no token";
        }

        if (interaction.Invoker is { } invoker && string.IsNullOrEmpty(invoker.Id))
        {
            return "its user has no id";
        }

        if (interaction.Data is { } data && (data.Options is null || !OptionsAreWhole(data.Options) || data.Values is null))
        {
            return "its options or values hold nulls";
        }

        return RolesProblem(interaction.Member);
    }

    public static string? ProblemWith(DiscordMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrEmpty(message.Id) || string.IsNullOrEmpty(message.ChannelId))
        {
            return "it has no id or no channel id";
        }

        if (message.Author is { } author && string.IsNullOrEmpty(author.Id))
        {
            return "its author has no id";
        }

        if (message.Mentions is null || message.Mentions.Any(user => user is null || string.IsNullOrEmpty(user.Id)))
        {
            return "its mentions hold nulls";
        }

        return RolesProblem(message.Member);
    }

    public static string? ProblemWith(DiscordChannel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return string.IsNullOrEmpty(channel.Id) ? "it has no id" : null;
    }

    public static string? ProblemWith(DiscordGuild guild)
    {
        ArgumentNullException.ThrowIfNull(guild);
        return guild.Threads is null || guild.Threads.Any(thread => thread is null || ProblemWith(thread) is not null)
            ? "its threads hold nulls or threads without ids"
            : null;
    }

    private static string? RolesProblem(DiscordMember? member) =>
        member is not null && (member.Roles is null || member.Roles.Any(role => role is null)) ? "its member roles hold nulls" : null;

    private static bool OptionsAreWhole(IReadOnlyList<InteractionDataOption> options) =>
        options.All(option => option is not null && option.Name is not null && option.Options is not null && OptionsAreWhole(option.Options));

    private static bool HasUnreadableText(JsonElement element)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        if (HasUnreadableText(property.Value))
                        {
                            return true;
                        }
                    }

                    return false;
                case JsonValueKind.Array:
                    return element.EnumerateArray().Any(HasUnreadableText);
                case JsonValueKind.String:
                    _ = element.GetString();
                    return false;
                default:
                    return false;
            }
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }
}
