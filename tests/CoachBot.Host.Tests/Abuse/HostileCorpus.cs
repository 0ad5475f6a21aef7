namespace CoachBot.Host.Tests.Abuse;

/// <summary>
/// The hostile-input corpus (tests/CoachBot.Host.Tests/Abuse/hostile-inputs.jsonl, one JSON object a line), read from
/// the source tree so the file stays the single place to add cases.
/// </summary>
public static class HostileCorpus
{
    public const string FileName = "hostile-inputs.jsonl";

    private static readonly Lazy<IReadOnlyList<HostileInput>> Entries = new(Load);

    public static IReadOnlyList<HostileInput> All => Entries.Value;

    public static string FilePath { get; } = Locate();

    public static IReadOnlyList<HostileInput> InCategory(string category) => All.Where(e => e.Category == category).ToList();

    /// <summary>The categories holding entries of any of <paramref name="kinds"/>, as theory data.</summary>
    public static TheoryData<string> CategoriesOf(params string[] kinds)
    {
        var data = new TheoryData<string>();
        foreach (var category in All.Where(e => kinds.Contains(e.Kind)).Select(e => e.Category).Distinct())
        {
            data.Add(category);
        }

        return data;
    }

    private static List<HostileInput> Load()
    {
        var entries = new List<HostileInput>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(FilePath))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = JsonNode.Parse(line) as JsonObject
                ?? throw new InvalidDataException($"{FileName} line {lineNumber} is not a JSON object.");
            entries.Add(new HostileInput(
                fields["id"]?.GetValue<string>() ?? throw new InvalidDataException($"{FileName} line {lineNumber} has no id."),
                fields["category"]?.GetValue<string>() ?? throw new InvalidDataException($"{FileName} line {lineNumber} has no category."),
                fields["kind"]?.GetValue<string>() ?? throw new InvalidDataException($"{FileName} line {lineNumber} has no kind."),
                fields));
        }

        return entries;
    }

    private static string Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "CoachBot.Host.Tests", "Abuse", FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"Could not find tests/CoachBot.Host.Tests/Abuse/{FileName} above {AppContext.BaseDirectory}.");
    }
}
