using System.Globalization;
using CoachBot.Coaching.Quiz;
using CoachBot.Coaching.Quiz.Bank;
using CoachBot.Core.Commands;
using CoachBot.Storage.Review;

namespace CoachBot.Coaching.Review;

/// <summary>
/// <c>/review</c>'s button ids: <c>review:q:&lt;item&gt;:&lt;version&gt;:&lt;left&gt;:&lt;option&gt;</c> for a quiz question and
/// <c>review:f:&lt;item&gt;:&lt;version&gt;:&lt;left&gt;:&lt;1 knew it|0 didn't&gt;</c> for a flashcard; <c>left</c> is how many
/// more items this round asks. Untrusted like every id: the item is looked up and its owner and version checked.
/// </summary>
public static class ReviewButtons
{
    public const string Feature = "review";
    public const string QuizAction = "q";
    public const string FlashcardAction = "f";
    public const int MaxLeft = ReviewCommand.MaxCount;

    public static string QuizAnswer(ReviewItem item, int left, int option) =>
        ButtonId.Create(Feature, QuizAction, item.Id, Number(item.Version), Number(left), Number(option));

    public static string Flashcard(ReviewItem item, int left, bool knewIt) =>
        ButtonId.Create(Feature, FlashcardAction, item.Id, Number(item.Version), Number(left), knewIt ? "1" : "0");

    /// <summary>Parses a click; false for anything malformed (wrong shape, not a server-made item id, numbers out of range).</summary>
    public static bool TryParse(ButtonId id, out ReviewClick click)
    {
        ArgumentNullException.ThrowIfNull(id);
        click = default;
        var max = id.Part(0) switch
        {
            QuizAction => QuizQuestion.OptionCount - 1,
            FlashcardAction => 1,
            _ => -1,
        };
        if (max < 0 || id.Parts.Count != 5 || !QuizButtons.IsHexId(id.Part(1), ReviewItem.IdLength)
            || !QuizButtons.TryParseNumber(id.Part(2), int.MaxValue, out var version)
            || !QuizButtons.TryParseNumber(id.Part(3), MaxLeft, out var left)
            || !QuizButtons.TryParseNumber(id.Part(4), max, out var choice))
        {
            return false;
        }

        click = new ReviewClick(id.Part(0) == FlashcardAction, id.Part(1)!, version, left, choice);
        return true;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A parsed review click: <see cref="Choice"/> is the option index, or 1 (knew it) / 0 (didn't) for a flashcard.</summary>
public readonly record struct ReviewClick(bool IsFlashcard, string ItemId, int Version, int Left, int Choice);
