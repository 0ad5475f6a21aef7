using System.Globalization;
using System.Text.Json;
using CoachBot.Coaching.Interview.Bank;
using CoachBot.Coaching.Interview.Feedback;

namespace CoachBot.Coaching.Interview.Evaluation;

/// <summary>
/// <c>eval-interview FILE</c>: scores answers from a JSON-lines file (<c>{"question_id": "...", "answer": "..."}</c>,
/// other fields ignored) exactly as a live interview would, through <see cref="InterviewFeedbackService"/>: offline
/// coverage unless an LLM is configured. Prints <c>line N: S/5</c> or <c>line N: unscored</c> (the answer would get a
/// nudge instead of a score) per input line, then <c>scored=N unscored=M</c>. Lines that are not such an object, or
/// name a question the bank does not have, are reported on the error writer as <c>line N: error: …</c> and skipped.
/// </summary>
public sealed class InterviewAnswerEvaluator(InterviewBank bank, InterviewFeedbackService feedback)
{
    /// <summary>The community the LLM budget of an evaluation run is counted against.</summary>
    public const string CommunityKey = "eval-interview";

    public async Task<InterviewEvaluationResult> RunAsync(TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        int scored = 0, unscored = 0, errors = 0, number = 0;
        while (await input.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (!TryRead(line, out var questionId, out var answer, out var problem))
            {
                errors++;
                await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"line {number}: error: {problem}"));
                continue;
            }

            if (bank.Find(questionId) is not { } question)
            {
                errors++;
                await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"line {number}: error: no question with id '{Clip(questionId)}' in the bank"));
                continue;
            }

            var evaluation = await feedback.EvaluateAsync(question, answer, CommunityKey, cancellationToken);
            if (evaluation.Feedback is { } result)
            {
                scored++;
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"line {number}: {result.Score}/5"));
            }
            else
            {
                unscored++;
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"line {number}: unscored"));
            }
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"scored={scored} unscored={unscored}"));
        return new InterviewEvaluationResult(scored, unscored, errors);
    }

    private static bool TryRead(string line, out string questionId, out string answer, out string problem)
    {
        questionId = answer = problem = string.Empty;
        try
        {
            using var document = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 16 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "not a JSON object";
                return false;
            }

            if (!root.TryGetProperty("question_id", out var id) || id.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(id.GetString()))
            {
                problem = "\"question_id\" (a string) is missing";
                return false;
            }

            if (!root.TryGetProperty("answer", out var text) || text.ValueKind != JsonValueKind.String)
            {
                problem = "\"answer\" (a string) is missing";
                return false;
            }

            questionId = id.GetString()!.Trim();
            answer = text.GetString()!;
            return true;
        }
        catch (JsonException ex)
        {
            problem = "malformed JSON (" + ex.Message + ")";
            return false;
        }
    }

    private static string Clip(string text) => text.Length <= 60 ? text : text[..60] + "…";
}

/// <summary>Counts of one <c>eval-interview</c> run.</summary>
public sealed record InterviewEvaluationResult(int Scored, int Unscored, int Errors);
