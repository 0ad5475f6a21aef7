using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace CoachBot.Discord.Interactions;

/// <summary>
/// Forms waiting to be opened. Every interaction is deferred before the coach runs, and a modal can only be the
/// first response, so a reply carrying a form is rendered with an "open the form" button instead. The button's id names
/// an entry here (bound to the person the form was meant for); the click is answered with the modal at once.
/// </summary>
public sealed class PendingForms(TimeProvider time)
{
    public const string ButtonPrefix = "coachbot-form:";
    private const int Capacity = 10_000;
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, Entry> _forms = new(StringComparer.Ordinal);

    /// <summary>Stores the form for <paramref name="userId"/> and returns the custom id of the button that opens it.</summary>
    public string Add(FormRequest form, string userId)
    {
        Prune();
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        _forms[key] = new Entry(form, userId, time.GetUtcNow() + Lifetime);
        return ButtonPrefix + key;
    }

    public static bool IsFormButton(string? customId) =>
        customId is not null && customId.StartsWith(ButtonPrefix, StringComparison.Ordinal);

    /// <summary>The form the button opens, if it exists, has not expired and belongs to <paramref name="userId"/>.</summary>
    public FormRequest? Find(string customId, string userId)
    {
        if (!IsFormButton(customId) || !_forms.TryGetValue(customId[ButtonPrefix.Length..], out var entry))
        {
            return null;
        }

        return entry.UserId == userId && entry.ExpiresAt > time.GetUtcNow() ? entry.Form : null;
    }

    private void Prune()
    {
        if (_forms.Count < Capacity)
        {
            return;
        }

        var now = time.GetUtcNow();
        foreach (var (key, entry) in _forms)
        {
            if (entry.ExpiresAt <= now || _forms.Count >= Capacity)
            {
                _forms.TryRemove(key, out _);
            }
        }
    }

    private sealed record Entry(FormRequest Form, string UserId, DateTimeOffset ExpiresAt);
}
