namespace CoachBot.Testing.StandIns;

/// <summary>Sessions of the stand-in quiz: id (s1, s2, …) → the owner's user key.</summary>
public sealed class StandInQuizSessions
{
    private readonly ConcurrentDictionary<string, string> _owners = new();
    private int _next;

    public string Start(string owner)
    {
        var id = "s" + Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);
        _owners[id] = owner;
        return id;
    }

    public string? OwnerOf(string id) => _owners.TryGetValue(id, out var owner) ? owner : null;
}
