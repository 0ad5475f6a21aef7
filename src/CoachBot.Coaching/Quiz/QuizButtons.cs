using System.Globalization;
using CoachBot.Core.Commands;

namespace CoachBot.Coaching.Quiz;

/// <summary>
/// The quiz's button ids. An answer is <c>quiz:&lt;session&gt;:&lt;question&gt;:&lt;option&gt;</c>; the abandon prompt uses
/// <c>quiz:new:&lt;old session&gt;:&lt;skill&gt;:&lt;count&gt;:&lt;difficulty|mixed&gt;</c> and <c>quiz:keep:&lt;old session&gt;</c>;
/// the skill picker <c>quiz:pick:&lt;skill|surprise|weakest&gt;:&lt;count, 0 = default&gt;:&lt;difficulty|mixed&gt;:&lt;owner tag&gt;</c>.
/// Ids are untrusted: every part is re-checked against the stored session, the bank and the clicker.
/// </summary>
public static class QuizButtons
{
    public const string Feature = "quiz";
    public const string NewAction = "new";
    public const string KeepAction = "keep";
    public const string Mixed = "mixed";
    public const string PickAction = "pick";
    public const string Surprise = "surprise";
    public const string Weakest = "weakest";

    public static string Answer(string sessionId, int questionIndex, int optionIndex) =>
        ButtonId.Create(Feature, sessionId, Number(questionIndex), Number(optionIndex));

    public static string AbandonAndStart(string oldSessionId, string skill, int count, string? difficulty) =>
        ButtonId.Create(Feature, NewAction, oldSessionId, skill, Number(count), difficulty ?? Mixed);

    public static string Pick(string choice, int? count, string? difficulty, string ownerTag) =>
        ButtonId.Create(Feature, PickAction, choice, Number(count ?? 0), difficulty ?? Mixed, ownerTag);

    public static string Keep(string oldSessionId) => ButtonId.Create(Feature, KeepAction, oldSessionId);

    public static bool TryParseNumber(string? text, int max, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 0 && value <= max;

    /// <summary>True for a server-made id of exactly <paramref name="length"/> lowercase hex digits (a quiz session, a review item).</summary>
    public static bool IsHexId(string? text, int length) =>
        text is not null && text.Length == length && text.All(char.IsAsciiHexDigitLower);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
