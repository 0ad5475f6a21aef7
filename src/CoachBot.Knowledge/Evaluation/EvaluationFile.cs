using System.Text.Json;

namespace CoachBot.Knowledge.Evaluation;

/// <summary>
/// A JSONL evaluation file: one <c>{"question": ..., "evidence": ...}</c> object per line (other fields ignored, blank
/// lines skipped). Malformed lines are reported with their line numbers instead of stopping the run.
/// </summary>
public sealed record EvaluationFile(IReadOnlyList<EvaluationCase> Cases, IReadOnlyList<EvaluationLineError> Errors)
{
    public static EvaluationFile Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Evaluation file not found: {path}", path);
        }

        return Parse(File.ReadLines(path));
    }

    public static EvaluationFile Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var cases = new List<EvaluationCase>();
        var errors = new List<EvaluationLineError>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var (evaluationCase, error) = ParseLine(line, number);
            if (evaluationCase is not null)
            {
                cases.Add(evaluationCase);
            }
            else
            {
                errors.Add(new EvaluationLineError(number, error!));
            }
        }

        return new EvaluationFile(cases, errors);
    }

    private static (EvaluationCase? Case, string? Error) ParseLine(string line, int number)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, "not a JSON object");
            }

            var question = StringProperty(document.RootElement, "question");
            var evidence = StringProperty(document.RootElement, "evidence");
            if (string.IsNullOrWhiteSpace(question) || string.IsNullOrWhiteSpace(evidence))
            {
                return (null, "needs non-empty string fields \"question\" and \"evidence\"");
            }

            return (new EvaluationCase(number, question, evidence), null);
        }
        catch (JsonException exception)
        {
            return (null, $"not valid JSON ({exception.Message})");
        }
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
