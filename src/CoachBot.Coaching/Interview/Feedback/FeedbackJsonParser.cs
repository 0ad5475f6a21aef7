using System.Text.Json;
using CoachBot.Core.Safety;

namespace CoachBot.Coaching.Interview.Feedback;

/// <summary>
/// Reads and validates the model's structured feedback: a JSON object with <c>score</c> (integer 1–5),
/// <c>strengths</c> and <c>missing_points</c> (arrays of strings), <c>improved_outline</c> (a string or an array of
/// strings) and an optional <c>follow_up</c> string. Tolerates a Markdown code fence around it; anything else that does
/// not fit (wrong types, score out of range, no outline, overlong text) is rejected so the caller falls back to the
/// offline rubric check. Text is cleaned of control characters and pings.
/// </summary>
public static class FeedbackJsonParser
{
    public const int MaxItems = 8;
    public const int MaxItemLength = 500;
    public const int MaxOutlineLength = 3000;

    public static bool TryParse(string? modelText, out ParsedFeedback? feedback, out string? problem)
    {
        feedback = null;
        problem = null;
        var json = ExtractObject(modelText);
        if (json is null)
        {
            problem = "no JSON object in the reply";
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 8 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "the reply is not a JSON object";
                return false;
            }

            if (!root.TryGetProperty("score", out var scoreElement) || scoreElement.ValueKind != JsonValueKind.Number ||
                !scoreElement.TryGetInt32(out var score) || score is < 1 or > 5)
            {
                problem = "score must be an integer from 1 to 5";
                return false;
            }

            if (!TryReadList(root, "strengths", required: true, out var strengths, out problem) ||
                !TryReadList(root, "missing_points", required: true, out var missing, out problem))
            {
                return false;
            }

            if (!TryReadOutline(root, out var outline, out problem))
            {
                return false;
            }

            string? followUp = null;
            if (root.TryGetProperty("follow_up", out var followElement) && followElement.ValueKind == JsonValueKind.String)
            {
                var text = Clean(followElement.GetString());
                if (text.Length > MaxItemLength)
                {
                    problem = "follow_up is too long";
                    return false;
                }

                followUp = text.Length == 0 ? null : text;
            }
            else if (root.TryGetProperty("follow_up", out followElement) && followElement.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
            {
                problem = "follow_up must be a string or null";
                return false;
            }

            feedback = new ParsedFeedback(score, strengths, missing, outline, followUp);
            return true;
        }
        catch (JsonException ex)
        {
            problem = "malformed JSON: " + ex.Message;
            return false;
        }
    }

    /// <summary>The outermost {…} of the reply (after any code fence), or null.</summary>
    private static string? ExtractObject(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var start = text.IndexOf('{', StringComparison.Ordinal);
        var end = text.LastIndexOf('}');
        return start >= 0 && end > start ? text[start..(end + 1)] : null;
    }

    private static bool TryReadList(JsonElement root, string name, bool required, out IReadOnlyList<string> items, out string? problem)
    {
        items = [];
        problem = null;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            problem = required ? $"{name} is missing" : null;
            return !required;
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            problem = $"{name} must be an array of strings";
            return false;
        }

        var list = new List<string>();
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                problem = $"{name} must be an array of strings";
                return false;
            }

            var text = Clean(item.GetString());
            if (text.Length > MaxItemLength)
            {
                problem = $"an item of {name} is too long";
                return false;
            }

            if (text.Length > 0)
            {
                list.Add(text);
            }
        }

        if (list.Count > MaxItems)
        {
            problem = $"{name} has more than {MaxItems} items";
            return false;
        }

        items = list;
        return true;
    }

    private static bool TryReadOutline(JsonElement root, out IReadOnlyList<string> outline, out string? problem)
    {
        outline = [];
        problem = null;
        if (!root.TryGetProperty("improved_outline", out var element))
        {
            problem = "improved_outline is missing";
            return false;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            if (!TryReadList(root, "improved_outline", required: true, out outline, out problem))
            {
                return false;
            }
        }
        else if (element.ValueKind == JsonValueKind.String)
        {
            var text = Clean(element.GetString());
            if (text.Length > MaxOutlineLength)
            {
                problem = "improved_outline is too long";
                return false;
            }

            outline = SplitOutline(text);
        }
        else
        {
            problem = "improved_outline must be a string or an array of strings";
            return false;
        }

        if (outline.Count == 0)
        {
            problem = "improved_outline is empty";
            return false;
        }

        return true;
    }

    /// <summary>One outline step per line, with list markers ("1.", "-", "*") removed.</summary>
    private static List<string> SplitOutline(string text) =>
        text.Split('\n')
            .Select(line => line.Trim().TrimStart('-', '*', '•').Trim())
            .Select(StripNumber)
            .Where(line => line.Length > 0)
            .Take(MaxItems * 2)
            .ToList();

    private static string StripNumber(string line)
    {
        var i = 0;
        while (i < line.Length && char.IsAsciiDigit(line[i]))
        {
            i++;
        }

        return i > 0 && i < line.Length && line[i] is '.' or ')' ? line[(i + 1)..].Trim() : line;
    }

    // Model text goes to chat: no control characters, no link that hides where it goes (feedback has no reason to link
    // anywhere, so every link is shown with its address). Pings are defused by each adapter's renderer.
    private static string Clean(string? text) => MaskedLinks.Reveal(InputText.Clean(text), LinkAllowList.None);
}
