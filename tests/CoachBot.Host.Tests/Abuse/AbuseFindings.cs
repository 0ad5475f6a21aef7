namespace CoachBot.Host.Tests.Abuse;

/// <summary>Collects every problem of a run (with the offending input), so one failure lists them all.</summary>
public sealed class AbuseFindings
{
    private const int MaxListed = 60;
    private readonly ConcurrentQueue<string> _problems = new();

    public int Count => _problems.Count;

    public void Add(string source, string problem) => _problems.Enqueue($"{source}: {problem}");

    public void Add(HostileInput input, string route, string problem) => Add($"{input} via {route}", problem);

    public void AssertNone(string what)
    {
        var problems = _problems.ToArray();
        if (problems.Length == 0)
        {
            return;
        }

        var listed = string.Join("\n  ", problems.Take(MaxListed));
        var more = problems.Length > MaxListed ? $"\n  … and {problems.Length - MaxListed} more" : string.Empty;
        Assert.Fail($"{problems.Length} problem(s) with {what}:\n  {listed}{more}");
    }
}
