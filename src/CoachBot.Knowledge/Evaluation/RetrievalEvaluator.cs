using System.Text;
using CoachBot.Knowledge.Retrieval;

namespace CoachBot.Knowledge.Evaluation;

/// <summary>
/// Measures a retriever on an evaluation file. A question is a hit when one of the top-k passages contains its
/// evidence (case-insensitive, runs of whitespace collapsed). Backs the <c>eval FILE.jsonl [--k 3]</c> command.
/// </summary>
public sealed class RetrievalEvaluator(IPassageRetriever retriever)
{
    /// <summary>
    /// Evaluates the file at <paramref name="path"/> and writes the report to <paramref name="output"/>: skipped lines,
    /// then the misses (question, evidence, top passage ids), then the last line <c>recall@k=… mrr=… n=…</c>.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public EvaluationResult Run(string path, int k, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var file = EvaluationFile.Read(path);
        var result = Evaluate(file.Cases, k) with { Errors = file.Errors };
        WriteReport(result, output);
        return result;
    }

    public EvaluationResult Evaluate(IReadOnlyList<EvaluationCase> cases, int k)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var misses = new List<EvaluationMiss>();
        var hits = 0;
        var reciprocalRanks = 0.0;
        foreach (var evaluationCase in cases)
        {
            var passages = retriever.Search(evaluationCase.Question, k).Passages.Take(k).ToList();
            var evidence = Normalize(evaluationCase.Evidence);
            var rank = passages.FindIndex(passage => Normalize(passage.Passage.Text).Contains(evidence, StringComparison.Ordinal)) + 1;
            if (rank > 0)
            {
                hits++;
                reciprocalRanks += 1.0 / rank;
            }
            else
            {
                misses.Add(new EvaluationMiss(evaluationCase, passages.Select(passage => passage.Passage.Id).ToList()));
            }
        }

        var count = cases.Count;
        return new EvaluationResult(
            k,
            count,
            hits,
            count == 0 ? 0 : (double)hits / count,
            count == 0 ? 0 : reciprocalRanks / count,
            misses,
            []);
    }

    public static void WriteReport(EvaluationResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        foreach (var error in result.Errors)
        {
            output.WriteLine($"skipped {error}");
        }

        foreach (var miss in result.Misses)
        {
            output.WriteLine($"miss (line {miss.Case.Line}): {miss.Case.Question}");
            output.WriteLine($"  evidence: {miss.Case.Evidence}");
            output.WriteLine($"  top: {(miss.TopPassageIds.Count == 0 ? "(nothing found)" : string.Join(", ", miss.TopPassageIds))}");
        }

        output.WriteLine(result.Summary);
    }

    /// <summary>Lowercase with runs of whitespace collapsed to one space: the form evidence is compared in.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
