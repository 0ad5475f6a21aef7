namespace CoachBot.Core.Collections;

/// <summary>An <see cref="ExpiringKeyMap{TValue}"/> of keys alone: "seen it recently?".</summary>
public sealed class ExpiringKeySet(TimeProvider timeProvider, TimeSpan timeToLive, int capacity)
    : ExpiringKeyMap<bool>(timeProvider, timeToLive, capacity)
{
    /// <summary>Adds the key; false when it was already present and unexpired (a duplicate).</summary>
    public bool TryAdd(string key) => TryAdd(key, true);

    /// <summary>Adds the key, or extends its life to a full time to live from now.</summary>
    public void Touch(string key) => Set(key, true);
}
