using System.Text.Json;
using CoachBot.Storage.Feedback;

namespace CoachBot.Coaching.Feedback;

/// <summary>
/// <c>eval --from-feedback</c>: the down-voted questions of every community as evaluation lines, most 👎 first, in the
/// eval set's line format (<c>{"question", "evidence", "guide"}</c>) plus <c>sources</c> and <c>down_votes</c>.
/// <c>evidence</c> is left empty on purpose: whoever curates the knowledge fills in the words that should answer the
/// question (the eval tool reports lines still missing it). Members' notes are not exported.
/// </summary>
public sealed class FeedbackEvalExport(IAnswerFeedbackStore store)
{
    public const int MaxQuestions = 500;

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes one line per down-voted question; returns how many.</summary>
    public async Task<int> WriteAsync(TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var answers = await store.MostDownVotedAsync(null, DateTimeOffset.UnixEpoch, MaxQuestions, cancellationToken);
        var count = 0;
        foreach (var question in FeedbackReport.Group(answers))
        {
            var line = new EvalLine(question.Question, string.Empty, question.Guides.Count > 0 ? question.Guides[0] : string.Empty, question.Sources, question.Down);
            await output.WriteLineAsync(JsonSerializer.Serialize(line, Json));
            count++;
        }

        return count;
    }

    private sealed record EvalLine(
        [property: System.Text.Json.Serialization.JsonPropertyName("question")] string Question,
        [property: System.Text.Json.Serialization.JsonPropertyName("evidence")] string Evidence,
        [property: System.Text.Json.Serialization.JsonPropertyName("guide")] string Guide,
        [property: System.Text.Json.Serialization.JsonPropertyName("sources")] IReadOnlyList<string> Sources,
        [property: System.Text.Json.Serialization.JsonPropertyName("down_votes")] int DownVotes);
}
