using System.Text.RegularExpressions;
using CoachBot.Ai.Answers.Meaning;
using CoachBot.Knowledge.Retrieval;

namespace CoachBot.Ai.Answers.Coverage;

/// <summary>
/// Decides whether the guides answer a question, answer part of it, or do not cover it, from retrieval evidence:
/// <list type="number">
/// <item>Lexical: retrieval's confidence that the question's informative words are the passages' subject.</item>
/// <item>Meaning (when the model is on): the cosine between the question and the closest passage sentence (or the
/// passage similarity semantic retrieval reported). Below <see cref="Unrelated"/> nothing retrieved is about the
/// question, however many words it shares; below <see cref="Loose"/>, when the closest sentence shares the question's
/// words but not its meaning, the guides mention the subject only in passing (unless lexical evidence is strong); at or above <see cref="Close"/> the passages answer it even when the wording differs
/// (slang, typos). With the model off, the lexical threshold alone decides, as before.</item>
/// <item>Details: the year, place, company, role or person the question names must appear in the passages that
/// answer it; a question asking for pay or a rate needs a passage that gives one. A missing detail makes the answer
/// partly answered, and the reply says first what the guides lack. A career topic the guides never treat (a cover
/// letter) with no sentence at least <see cref="Close"/> to the question is not covered at all.</item>
/// <item>Perspective: a question about dealing with one's own manager is not answered by passages on being one.</item>
/// </list>
/// Thresholds were set on the eval sets' questions (on-topic, chat-style) against career questions the guides do not
/// cover (burnout, résumés, promotions); see docs/benchmarks.md.
/// </summary>
public static partial class CoverageJudge
{
    /// <summary>Cosine under which no retrieved sentence is about the question.</summary>
    public const double Unrelated = 0.30;

    /// <summary>Cosine under which the passages are only loosely related (lexical evidence must then be strong).</summary>
    public const double Loose = 0.40;

    /// <summary>Cosine from which the passages answer the question even when few words match.</summary>
    public const double Close = 0.55;

    /// <summary>Lexical confidence that carries loosely related passages.</summary>
    public const double StrongLexical = 0.70;

    public static CoverageVerdict Judge(string question, RetrievalResult retrieval, QuestionMeaning? meaning, double minConfidence)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(retrieval);
        var figure = FigureQuestion.Of(question);
        var passages = retrieval.Passages.Take(OfflineComposer.MaxPassages).ToArray();
        var confidence = retrieval.Confidence;
        if (passages.Length == 0)
        {
            return NotCovered("nothing retrieved", figure, confidence, null);
        }

        var semantic = SemanticEvidence(passages, meaning);
        var lexicalOk = confidence >= minConfidence;
        if (semantic is not { } closeness)
        {
            if (!lexicalOk)
            {
                return NotCovered($"lexical confidence {confidence:0.00} below {minConfidence:0.00}", figure, confidence, null);
            }
        }
        else if (closeness < Unrelated && !NamesWhatTheModelCannotRead(question, passages, confidence))
        {
            return NotCovered($"closest sentence {closeness:0.00} is unrelated", figure, confidence, closeness);
        }
        else if (!lexicalOk && closeness < Close)
        {
            return NotCovered($"lexical confidence {confidence:0.00} and closest sentence {closeness:0.00} both weak", figure, confidence, closeness);
        }
        else if (closeness < Loose && confidence < StrongLexical && IsPassingMention(question, meaning) && !SaysWhatPaysMore(question, passages))
        {
            return NotCovered($"mentioned only in passing (closest sentence {closeness:0.00}, lexical {confidence:0.00})", figure, confidence, closeness);
        }

        if (AsksAboutOwnManager(question, passages) is { } boss)
        {
            return NotCovered($"asks about dealing with their own {boss}; no passage speaks of the reader's {boss}", figure, confidence, semantic);
        }

        var verdict = JudgeDetails(question, passages, figure, confidence, semantic);
        // "What should I write in a cover letter for a junior backend position?": a topic the guides never treat, and
        // nothing retrieved is close to the question (only "junior backend" matched): the closest passages would not
        // help, so the question is declined rather than partly answered.
        var untreatedTopic = verdict.Coverage == AnswerCoverage.PartlyAnswered && verdict.Missing.Any(m => m.Kind == ConstraintKind.Topic);
        return untreatedTopic && semantic is { } near && near < Close
            ? NotCovered($"{verdict.Reason}, and the closest sentence is {near:0.00}", figure, confidence, near)
            : verdict;
    }

    /// <summary>
    /// "is leetcode worth grinding": the question turns on a name the sentence model cannot read (no whole word of its
    /// vocabulary: "leetcode", "codewars"), and the best passage names it. The model's cosine then says nothing about the
    /// subject (0.06 for that passage, 0.18 for its closest sentence), so strong lexical evidence decides instead.
    /// </summary>
    private static bool NamesWhatTheModelCannotRead(string question, ScoredPassage[] passages, double confidence) =>
        confidence >= StrongLexical && UnreadableNames.AnyIn(UnreadableNames.In(question), passages[0].Passage.Text);

    /// <summary>
    /// "How do I ask my manager for a promotion?", "how do I ask my boss for a fully remote setup?": the question is about
    /// dealing with the asker's own manager (asking, telling, convincing them; not "my lead says…"), and passages on
    /// managing or leading a team (what a manager does) do not answer it. It is answered only by a passage that speaks of
    /// the reader's manager ("your manager", "your boss"). Returns the word the question used, or null.
    /// </summary>
    private static string? AsksAboutOwnManager(string question, ScoredPassage[] passages)
    {
        var asked = OwnManager().Match(question);
        if (!asked.Success || passages.Any(p => ReadersManager().IsMatch(p.Passage.Text)))
        {
            return null;
        }

        return asked.Groups["who"].Value.ToLowerInvariant();
    }

    [GeneratedRegex(@"\b(ask|asking|tell|telling|convince|persuade|talk\s+to|talk\s+with|speak\s+to|speak\s+with|approach|negotiate\s+with|deal\s+with|get\s+along\s+with|impress|handle|email|message|pitch|push\s+back\s+on|disagree\s+with|up\s+with)\s+(my|our)\s+(direct\s+|line\s+|new\s+|current\s+)?(?<who>manager|boss|supervisor|team\s+lead|tech\s+lead|lead|eng(ineering)?\s+manager|em)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex OwnManager();

    [GeneratedRegex(@"\byour\s+(direct\s+|line\s+)?(manager|boss|supervisor|team\s+lead|tech\s+lead|lead)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex ReadersManager();

    private static CoverageVerdict JudgeDetails(string question, ScoredPassage[] passages, FigureKind figure, double confidence, double? semantic)
    {
        var texts = passages.Select(p => string.Join(' ', p.Passage.SectionPath) + "\n" + p.Passage.Text).ToArray();
        var needsFigure = figure is FigureKind.Money or FigureKind.Rate;
        var answering = needsFigure
            ? texts.Where(t => FigureQuestion.Gives(t, figure) || (FigureQuestion.AsksWhichPaysMore(question) && FigureQuestion.SaysPaysMore(t))).ToArray()
            : texts;
        var constraints = QuestionConstraints.Of(question);
        if (answering.Length == 0)
        {
            return new CoverageVerdict(AnswerCoverage.PartlyAnswered, constraints, MissingFigures: true, figure, confidence, semantic,
                "figures asked for, none in the passages");
        }

        var missing = constraints.Where(c => !answering.Any(c.IsMentionedIn)).ToArray();
        return missing.Length > 0
            ? new CoverageVerdict(AnswerCoverage.PartlyAnswered, missing, MissingFigures: false, figure, confidence, semantic,
                "not in the passages: " + string.Join(", ", missing.Select(m => $"{m.Kind} '{m.Text}'")))
            : new CoverageVerdict(AnswerCoverage.Answered, [], MissingFigures: false, figure, confidence, semantic, "answered");
    }

    /// <summary>
    /// The closest sentence uses the question's own words yet means something else ("build your resume" while doing an
    /// internship, for "how do I write a resume"): the guides mention the subject in passing. When the closest sentence
    /// shares few of the question's words, a low cosine more likely comes from different wording (slang, typos) than
    /// from a different subject, and the question gets the benefit of the doubt.
    /// </summary>
    private static bool IsPassingMention(string question, QuestionMeaning? meaning)
    {
        if (meaning?.Closest().Sentence is not { } closest)
        {
            return false;
        }

        var asked = QueryTerms.Of(question);
        if (asked.Count == 0)
        {
            return false;
        }

        var shared = asked.Count(QueryTerms.Of(closest).Contains);
        return shared * 2 >= asked.Count;
    }

    /// <summary>
    /// "Which languages pay more?" and a passage saying "… programming languages, such as Python, Java … may command
    /// higher salaries": the guides state it, though the sentence model puts the two far apart (cosine 0.32).
    /// </summary>
    private static bool SaysWhatPaysMore(string question, ScoredPassage[] passages) =>
        FigureQuestion.AsksWhichPaysMore(question) && passages.Any(p => FigureQuestion.SaysPaysMore(p.Passage.Text));

    private static double? SemanticEvidence(ScoredPassage[] passages, QuestionMeaning? meaning)
    {
        double? best = meaning?.Closest().Similarity;
        foreach (var passage in passages)
        {
            if (passage.Similarity is { } similarity && (best is null || similarity > best))
            {
                best = similarity;
            }
        }

        return best;
    }

    private static CoverageVerdict NotCovered(string reason, FigureKind figure, double confidence, double? semantic) =>
        new(AnswerCoverage.NotCovered, [], MissingFigures: false, figure, confidence, semantic, reason);
}
