using System.Text.RegularExpressions;

namespace CoachBot.Ai.Answers.Coverage;

/// <summary>What kind of figure a question asks for.</summary>
public enum FigureKind
{
    None,

    /// <summary>Pay: "how much does a junior make", "salary", "what do seniors earn".</summary>
    Money,

    /// <summary>Growth, share or demand: "how fast is demand growing", "what percent".</summary>
    Rate,

    /// <summary>Another count or amount: "how many", "how long", "how old".</summary>
    Amount,
}

/// <summary>
/// Tells whether a question asks for a figure (pay, a growth rate, a count), and whether a text gives one
/// ("$70,000 to $80,000", "22%", "from 2020 to 2030"), so the composer quotes the figure instead of talk around it.
/// </summary>
public static partial class FigureQuestion
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"\b(salary|salaries|pay|pays|paid|paycheck|paycheque|wage|wages|income|earn|earns|earning|earnings|compensation|money|dough|rake\s+in|how\s+much\s+(do|does|did|can|could|will|would|should|might)\b[^?]{0,60}\b(make|get|bring\s+in|take\s+home))\b|[$£€]\s?\d|\b\d+k\b", Options | RegexOptions.NonBacktracking)]
    private static partial Regex AsksMoney();

    [GeneratedRegex(@"\b(how\s+fast|growth\s+rate|grow(ing|th)?\s+by|what\s+percent(age)?|percent|how\s+(big|high)\s+is\s+(the\s+)?demand|(job|employment)\s+(growth|outlook)\s+(figures?|numbers?|stats?|rate))\b|%", Options | RegexOptions.NonBacktracking)]
    private static partial Regex AsksRate();

    [GeneratedRegex(@"\b(how\s+many|how\s+long|how\s+old|what\s+age|how\s+much\s+time|figures?|numbers?|stats|statistics)\b", Options | RegexOptions.NonBacktracking)]
    private static partial Regex AsksAmount();

    [GeneratedRegex(@"[$£€]\s?\d|\d\s?(%|percent\b)|\b\d{1,3}(,\d{3})+\b|\b\d+(\.\d+)?\s?(k|million|billion|thousand)\b|\b(19|20)\d{2}\s+(to|and|-|–)\s+(19|20)\d{2}\b", Options | RegexOptions.NonBacktracking)]
    private static partial Regex FigureInText();

    [GeneratedRegex(@"[$£€]\s?\d|\b\d{1,3}(,\d{3})+\b|\b\d+\s?k\b", Options | RegexOptions.NonBacktracking)]
    private static partial Regex MoneyInText();

    /// <summary>"Worth the money", "a waste of money", "spend money on", "does it pay off": money as a cost or a return, not pay asked about.</summary>
    [GeneratedRegex(@"\b(worth\s+(the|my|your|all\s+the|that)\s+money|(a\s+)?waste\s+of\s+(my\s+|your\s+)?money|(spend|spending|spent|save|saving|saved)\s+(the\s+|my\s+|your\s+|some\s+)?money|(pay|pays|paid|paying)\s+off)\b", Options | RegexOptions.NonBacktracking)]
    private static partial Regex MoneyAsCost();

    public static FigureKind Of(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        question = MoneyAsCost().Replace(question, " ");
        if (AsksMoney().IsMatch(question))
        {
            return FigureKind.Money;
        }

        if (AsksRate().IsMatch(question))
        {
            return FigureKind.Rate;
        }

        return AsksAmount().IsMatch(question) ? FigureKind.Amount : FigureKind.None;
    }

    /// <summary>Whether the text states a figure of the kind asked for (any figure for <see cref="FigureKind.Amount"/>).</summary>
    public static bool Gives(string text, FigureKind kind)
    {
        ArgumentNullException.ThrowIfNull(text);
        return kind switch
        {
            FigureKind.None => false,
            FigureKind.Money => MoneyInText().IsMatch(text),
            _ => FigureInText().IsMatch(text),
        };
    }

    [GeneratedRegex(@"\b(which|what)\b[^?.!]{0,60}\b(pay|pays|paid|earn|earns|salary|salaries|money)\b[^?.!]{0,30}\b(more|most|best|better|higher|highest)\b|\b(highest|best|better|top)[\s-](paying|paid)\b", Options | RegexOptions.NonBacktracking)]
    private static partial Regex WhichPaysMore();

    [GeneratedRegex(@"\b(higher|more|highest|top|better)\s+(salary|salaries|pay|compensation|earnings|wages)\b|\b(salary|salaries|pay|earnings)\s+(can\s+be\s+|are\s+|is\s+)?(significantly\s+|much\s+|even\s+)?higher\b|\bearn\s+(more|the\s+most)\b", Options | RegexOptions.NonBacktracking)]
    private static partial Regex PaysMoreInText();

    [GeneratedRegex(@"\b(interns?|junior|juniors|entry[\s-]level|mid[\s-]level|senior|seniors|leads?|principal|staff|architects?|experienced|beginners?|newcomers?)\b", Options | RegexOptions.NonBacktracking)]
    private static partial Regex CareerLevel();

    /// <summary>
    /// Whether a question asks which things pay more ("which languages pay more?", "what skills earn the most?",
    /// "highest paying specialization"): it is answered by a sentence saying what commands higher pay, with or without a
    /// figure. Not between career levels ("which pays more, junior or senior?", also when the earlier question named
    /// them): the figures answer that.
    /// </summary>
    public static bool AsksWhichPaysMore(string question, string? context = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        return WhichPaysMore().IsMatch(question) && !CareerLevel().IsMatch(question + " " + context);
    }

    /// <summary>Whether a text says something pays more ("may command higher salaries", "salaries can be significantly higher").</summary>
    public static bool SaysPaysMore(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return PaysMoreInText().IsMatch(text);
    }

    /// <summary>Words that lead retrieval to the passages holding figures of this kind.</summary>
    public static string SearchHint(FigureKind kind) => kind switch
    {
        FigureKind.Money => "salary salaries average entry-level",
        FigureKind.Rate => "growth demand percent projected",
        _ => string.Empty,
    };
}
