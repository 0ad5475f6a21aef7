using System.Text;
using System.Text.RegularExpressions;
using CoachBot.Ai.Answers.Coverage;
using CoachBot.Ai.Answers.Meaning;
using CoachBot.Core.Replies;
using CoachBot.Knowledge.Guides;
using CoachBot.Knowledge.Retrieval;

namespace CoachBot.Ai.Answers;

/// <summary>
/// Composes an answer with no model: picks the two to four sentences of the top passages that answer the question and
/// quotes them verbatim as blockquotes, in their original order, each group followed by its citation number. Nothing
/// inside a quoted sentence is changed.
/// <list type="bullet">
/// <item>A sentence scores by meaning (its cosine with the question, when the model is on) and by shared topic words
/// (the question's own words weigh most, then an earlier question's, then synonym expansions; rare words weigh more
/// than words every sentence has); the top passage is preferred.</item>
/// <item>A question asking for a figure (pay, a growth rate) gets the sentences that give one first, and one naming a
/// place, employer or year the sentences that name it too.</item>
/// <item>A lead-in ("These skills include:") is quoted only with the list items that follow it, never alone; a sentence
/// that only announces ("there are several core skills that matter") is quoted only when no sentence with content matched.</item>
/// <item>Sentences the previous answer already quoted are left out (a follow-up gets what is new), except one sentence
/// giving the figure a follow-up asks for when no other sentence gives one.</item>
/// </list>
/// </summary>
public static partial class OfflineComposer
{
    public const int MaxPassages = 3;
    public const int MinSentences = 2;
    public const int MaxSentences = 4;

    /// <summary>
    /// A question asking how two roles differ ("the difference between a lead backend developer and a backend architect")
    /// may quote this many more sentences: each side needs the sentence naming the role and the one saying what it does.
    /// </summary>
    public const int ExtraSentencesForTwoRoles = 2;

    /// <summary>A lead-in is quoted with at most this many list items; a longer list is not quoted through its lead-in.</summary>
    public const int MaxListItems = 8;

    /// <summary>
    /// A list of bare labels ("Build a Strong Portfolio", "Prepare for Interviews") is short however many items it has: its
    /// lead-in is quoted with up to this many of them.
    /// </summary>
    public const int MaxLabelListItems = 12;

    public const string DefaultOpening = "Here's what the guide says:";

    private const double MeaningWeight = 0.55;
    private const double FigureBonus = 0.6;

    /// <summary>A sentence that names the place, employer or year the question names ("in tech hubs such as … Seattle").</summary>
    private const double NamedDetailBonus = 0.6;

    /// <summary>
    /// The first sentence of a section whose heading asks the question asked ("How do I gain practical experience?"): the
    /// section is that question's answer, so its sentences count in order (each next one a quarter less).
    /// </summary>
    private const double AnsweringHeadingBonus = 0.6;

    /// <summary>In a "what comes next?" follow-up, a sentence that continues one the previous answer quoted.</summary>
    private const double NextStepBonus = 0.6;

    /// <summary>
    /// In a question about what someone does ("What does a backend intern actually do?"), a sentence saying what the work
    /// involves ("This role typically involves assisting with coding tasks…"), in a paragraph naming what the question
    /// asks about.
    /// </summary>
    private const double DutiesBonus = 0.4;

    /// <summary>
    /// In "how does that compare to other jobs?" or "why?", a sentence of the previous answer that makes the comparison or
    /// gives the reason asked for again.
    /// </summary>
    private const double AskedAgainBonus = 0.6;

    /// <summary>In a question asking which things there are, the lead-in of a whole list under a heading naming them.</summary>
    private const double ListUnderAskedHeadingBonus = 0.6;
    private static readonly double[] RankWeights = [1.0, 0.75, 0.6];

    public static ComposedAnswer Compose(OfflineComposeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var passages = request.Passages.Take(MaxPassages).ToArray();
        if (passages.Length == 0)
        {
            return new ComposedAnswer(string.Empty, []);
        }

        var candidates = Candidates(passages, QueryTerms.Of(request.Question + " " + request.Context), QueryTerms.Of(string.Join(' ', request.ExpandedTerms ?? [])), UnreadableNames.In(request.Question));
        ContinueCutLists(candidates, passages, request.SectionParagraphs);
        AddNamingSentences(candidates, passages, request);
        AddVerdictSentence(candidates, passages, request);
        var fresh = request.PreviousAnswer is { Length: > 0 } previous
            ? candidates.Where(c => !previous.Contains(c.Text, StringComparison.Ordinal) || c == FigureAskedForAgain(candidates, request) || ComparesAgain(c, request) || GivesReasonAgain(c, request)).ToList()
            : candidates;
        // In a follow-up, what is left must still be about the question; loosely related leftovers are not "more". A
        // passage under a heading the question names ("tell me more about Moving into Adjacent Industries", a heading
        // the previous answer offered) is about it, whatever its sentences' wording.
        var asked = QueryTerms.Of(request.Question);
        if (fresh.Count == 0 || (request.PreviousAnswer is not null && request.Meaning is { } meaning
            && fresh.Max(c => meaning.SimilarityTo(c.Text)) < CoverageJudge.Loose
            && !fresh.Any(c => c.HeadingTerms.Count > 0 && c.HeadingTerms.IsSubsetOf(asked))))
        {
            return new ComposedAnswer(CoachReplies.NothingMore, []);
        }

        Score(fresh, request);
        // "Why?": a further reason in the passage of the one quoted before ("Additionally, it demonstrates to potential
        // employers…" after "This educational background provides you with a strong foundation…") counts as much.
        var reasonRanks = fresh.Where(c => GivesReasonAgain(c, request)).Select(c => c.Rank).ToHashSet();
        foreach (var candidate in fresh.Where(c => ComparesAgain(c, request) || GivesReasonAgain(c, request)
            || (reasonRanks.Contains(c.Rank) && GivesAReason().IsMatch(c.Text) && request.PreviousAnswer is { } quoted && !quoted.Contains(c.Text, StringComparison.Ordinal))))
        {
            candidate.Score += AskedAgainBonus;
        }

        AddNextSteps(fresh, candidates, request);
        // An antecedent may be one the previous answer quoted: quoting it again beats a "Beyond this" that points at the wrong sentence.
        var introducing = IntroducesSubsections(candidates, passages, request.Subsections);
        if (OpeningOfNamedSection(fresh, request, passages, asked) is { Count: > 0 } opened)
        {
            return Render(Distinct(WithListsForLeadIns(opened, fresh)), passages, request.Opening ?? DefaultOpening, request.Subsections);
        }

        var twoRoles = ComparesTwoRoles(fresh, request);
        var limit = twoRoles ? MaxSentences + ExtraSentencesForTwoRoles : MaxSentences;
        var chosen = WithWholeBareLists(WithAntecedents(WithContinuation(WithEachAlternative(Choose(fresh, request.Meaning is not null, introducing, limit, twoRoles), fresh, request.Question, limit), fresh, request.Question), candidates, limit), fresh);
        var opening = request.Opening
            ?? (chosen.Count > 0 && chosen.All(c => ComparesAgain(c, request)) ? CoachReplies.ComparisonQuotedBefore
                : chosen.Count > 0 && chosen.All(c => GivesReasonAgain(c, request)) ? CoachReplies.ReasonQuotedBefore
                : DefaultOpening);
        return Render(Distinct(WithListsForLeadIns(chosen, fresh)), passages, opening, request.Subsections);
    }

    /// <summary>
    /// "Tell me more about Moving into Adjacent Industries", a heading the previous answer offered ("More in [1]: …"): the
    /// section's own opening answers it, the first sentences of each of its passages in the guide's order, though they
    /// share few words with the heading ("Cloud computing is revolutionizing how businesses operate…"). Null when the
    /// question is not a request for more naming a heading of two words or more.
    /// </summary>
    private static List<Candidate>? OpeningOfNamedSection(List<Candidate> fresh, OfflineComposeRequest request, ScoredPassage[] passages, HashSet<string> asked)
    {
        if (!FollowUpDetector.AsksForMore(request.Question))
        {
            return null;
        }

        var named = fresh.Where(c => !c.FromSection && c.HeadingTerms.Count >= 2 && c.HeadingTerms.IsSubsetOf(asked) && !c.Sentence.ReadsAsAnnouncement).ToList();
        return named
            .GroupBy(c => c.Rank)
            .OrderBy(group => passages[group.Key].Passage.Id, StringComparer.Ordinal)
            .SelectMany(group => group.OrderBy(c => c.Position).Where(c => !c.Sentence.ReadsAsLeadIn || HasWholeList(c, fresh)).Take(2))
            .Take(MaxSentences)
            .ToList();
    }

    /// <summary>
    /// A follow-up that asks for a figure ("and for seniors?" after a pay question) is asking for what a sentence that gives
    /// one says, even when the previous answer quoted it: when no sentence the previous answer left out gives a figure of
    /// that kind, the one quoted sentence that gives it and is closest to the follow-up may be quoted again (one, so the
    /// answer is not the previous one word for word). A follow-up naming a role ("and for experienced ones?") takes the
    /// quoted sentence that gives that role's figure even when fresh sentences give other figures.
    /// </summary>
    /// <summary>
    /// Whether a follow-up asks how what the previous answer said compares ("and how does that compare to other jobs?",
    /// "is that more than other fields?").
    /// </summary>
    public static bool AsksHowItCompares(string question) => AsksToCompare().IsMatch(question);

    /// <summary>Whether a guide sentence makes a comparison ("substantially faster than the overall average").</summary>
    public static bool ReadsAsComparison(string sentence) => Comparative().IsMatch(sentence);

    /// <summary>
    /// "How does that compare to other jobs?" after "…expected to expand 22% …, substantially faster than the overall
    /// average" is answered by the comparison already quoted: such a sentence of the previous answer may be quoted again.
    /// </summary>
    /// <summary>"Why?" after an answer that gave the reason: the sentence of the previous answer giving it may be quoted again.</summary>
    private static bool GivesReasonAgain(Candidate candidate, OfflineComposeRequest request) =>
        QuotedBeforeAndAskedAgain(candidate, request, AsksWhy(), GivesAReason());

    /// <summary>
    /// Whether a sentence the previous answer quoted answers what this follow-up asks (<paramref name="asks"/> matches the
    /// question, <paramref name="answers"/> the sentence), so it may be quoted again.
    /// </summary>
    private static bool QuotedBeforeAndAskedAgain(Candidate candidate, OfflineComposeRequest request, Regex asks, Regex answers) =>
        request.PreviousAnswer is { } previous
        && previous.Contains(candidate.Text, StringComparison.Ordinal)
        && answers.IsMatch(candidate.Text)
        && asks.IsMatch(request.Question);

    /// <summary>Whether a follow-up only asks why ("why?", "but why tho", "how come?").</summary>
    public static bool AsksOnlyWhy(string question) => AsksWhy().IsMatch(question);

    /// <summary>Whether a guide sentence gives a reason ("It enables better communication with front-end developers…").</summary>
    public static bool ReadsAsReason(string sentence) => GivesAReason().IsMatch(sentence);

    [GeneratedRegex(@"^\W*((and|but|so|ok|okay)\s+)?(why|how\s+come)\b[^?.!]{0,25}[?.!]*\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex AsksWhy();

    [GeneratedRegex(@"\b(because|since|so\s+that|enables?|allows?|helps?|ensures?|provides?|demonstrates?|boosts?|improves?|enhances?|reduces?|saves?|due\s+to|which\s+means|in\s+order\s+to|crucial\s+for|essential\s+for)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex GivesAReason();

    private static bool ComparesAgain(Candidate candidate, OfflineComposeRequest request) =>
        QuotedBeforeAndAskedAgain(candidate, request, AsksToCompare(), Comparative());

    [GeneratedRegex(@"\b(compare[sd]?|comparison|stacks?\s+up|relative\s+to)\b|\b(more|less|better|worse|faster|slower|higher|lower)\s+than\s+(other|the\s+rest|average|most)\b|\bvs\.?\s+other\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex AsksToCompare();

    [GeneratedRegex(@"\b(faster|slower|higher|lower|more|less|better|worse|greater|larger|smaller)\s+than\b|\bcompared\s+(to|with)\b|\bthan\s+the\s+(overall\s+)?average\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Comparative();

    private static Candidate? FigureAskedForAgain(List<Candidate> candidates, OfflineComposeRequest request)
    {
        var figure = FigureQuestion.Of(request.Question + " " + request.Context);
        if (figure is not (FigureKind.Money or FigureKind.Rate) || request.PreviousAnswer is not { } previous)
        {
            return null;
        }

        var givers = candidates.Where(c => FigureQuestion.Gives(c.Text, figure)).ToList();
        // "and for experienced ones?": the figure for that role, though quoted before, beats a fresh figure for no role.
        var role = QuestionConstraints.Of(request.Question).FirstOrDefault(c => c.Kind == ConstraintKind.Role);
        var forRole = role is null ? [] : givers.Where(c => role.IsMentionedIn(c.Text)).ToList();
        if (forRole.Count > 0 && forRole.All(c => previous.Contains(c.Text, StringComparison.Ordinal)))
        {
            givers = forRole;
        }
        else if (givers.Count == 0 || givers.Any(c => !previous.Contains(c.Text, StringComparison.Ordinal)))
        {
            return null;
        }

        return request.Meaning is { } meaning ? givers.MaxBy(c => meaning.SimilarityTo(c.Text)) : givers[0];
    }

    private static List<Candidate> Candidates(ScoredPassage[] passages, HashSet<string> askedTerms, HashSet<string> expandedTerms, IReadOnlyList<string> unreadableNames)
    {
        var candidates = new List<Candidate>();
        for (var rank = 0; rank < passages.Length; rank++)
        {
            var passage = passages[rank];
            var sentences = SentenceSplitter.SplitLines(passage.Passage.Text);
            // A section that is only a list of names ("- leetcode", "- codewars" under "Practice programming skills") says
            // what it is about in its heading: when the heading shares a word with the question, its items are judged with
            // the heading and the passage's own similarity ("Top Skills" does not make "Problem Solving" an answer to
            // "where do I practise coding problems"). The question's synonyms count for the heading ("grind coding problems"
            // → "practice"), and so does naming an item the sentence model cannot read ("is leetcode worth grinding").
            var heading = passage.Passage.SectionPath.Count > 0 ? passage.Passage.SectionPath[^1] : string.Empty;
            var headingTerms = QueryTerms.Of(heading);
            var bareList = sentences.Count >= 2 && sentences.All(s => s.IsListItem && IsLabel(s.Text))
                && (SharesAWord(headingTerms, askedTerms) || headingTerms.Overlaps(expandedTerms) || sentences.Any(s => UnreadableNames.AnyIn(unreadableNames, s.Text)));
            for (var position = 0; position < sentences.Count; position++)
            {
                var sentence = sentences[position];
                var next = position + 1 < sentences.Count ? sentences[position + 1] : null;
                var opensList = next is { IsListItem: true } && next.Line == sentence.Line + 1 && !sentence.IsListItem && sentence.ReadsAsLeadIn;
                var terms = QueryTerms.Of(bareList ? heading + " " + sentence.Text : sentence.Text);
                candidates.Add(new Candidate(rank, position, sentence, terms, opensList) { BareListSimilarity = bareList ? passage.Similarity ?? 0 : null, HeadingTerms = headingTerms });
            }
        }

        return candidates;
    }

    /// <summary>Whether two sets of stemmed terms share one, or two words of one root ("practise" and "practice": the first five letters).</summary>
    private static bool SharesAWord(HashSet<string> first, HashSet<string> second) =>
        first.Overlaps(second) || first.Any(a => a.Length >= 5 && second.Any(b => b.Length >= 5 && string.CompareOrdinal(a, 0, b, 0, 5) == 0));

    private static void Score(List<Candidate> all, OfflineComposeRequest request)
    {
        // Sentences completed from a section (the rest of a cut list) are quoted only with their lead-in: they are not
        // scored, and do not change how the passages' own sentences score.
        var candidates = all.Where(c => !c.FromSection).ToList();
        if (candidates.Count == 0)
        {
            return;
        }

        var weights = TermWeights(request, candidates);
        foreach (var candidate in candidates)
        {
            candidate.Lexical = candidate.Terms.Sum(t => weights.GetValueOrDefault(t));
        }

        var figure = FigureQuestion.Of(request.Question + " " + request.Context);
        var asksWhichPaysMore = FigureQuestion.AsksWhichPaysMore(request.Question, request.Context);
        // "Which of those pay more?" about languages or skills is answered by what commands higher pay, not by the pay figures.
        var figuresAnswer = !asksWhichPaysMore || !candidates.Any(c => FigureQuestion.SaysPaysMore(c.Text));
        var named = QuestionConstraints.Of(request.Question).Where(c => c.Kind is ConstraintKind.Place or ConstraintKind.Company or ConstraintKind.Year).ToList();
        var maxLexical = candidates.Max(c => c.Lexical);
        var answering = AnsweringHeadingRanks(request);
        var topic = QueryTerms.Of(request.Question);
        topic.ExceptWith(GenericWords);
        foreach (var candidate in candidates)
        {
            var lexical = maxLexical > 0 ? candidate.Lexical / maxLexical : 0;
            var score = lexical;
            if (request.Meaning is { } meaning)
            {
                // MiniLM cosines of a question with unrelated guide sentences sit around 0.1–0.2, with answers 0.5–0.8.
                var closeness = Math.Clamp(((candidate.BareListSimilarity ?? meaning.SimilarityTo(candidate.Text)) - 0.15) / 0.5, 0, 1);
                score = ((1 - MeaningWeight) * lexical) + (MeaningWeight * closeness);
            }

            candidate.Score = score * LengthFactor(candidate) * RankWeights[Math.Min(candidate.Rank, RankWeights.Length - 1)];
            if (figure is FigureKind.Money or FigureKind.Rate && figuresAnswer && FigureQuestion.Gives(candidate.Text, figure))
            {
                candidate.Score += FigureBonus;
            }

            // "Which languages pay more?": the sentence saying what commands higher pay answers it, figure or not.
            if (asksWhichPaysMore && FigureQuestion.SaysPaysMore(candidate.Text))
            {
                candidate.Score += FigureBonus;
            }

            if (named.Any(constraint => constraint.IsMentionedIn(candidate.Text)))
            {
                candidate.Score += NamedDetailBonus;
            }

            candidate.StatesVerdict = VerdictQuestion.IsStatedBy(request.Question, candidate.Text, candidate.Terms.Overlaps(topic));

            if (answering.Contains(candidate.Rank))
            {
                candidate.Score += AnsweringHeadingBonus * Math.Max(0, 1 - (0.25 * candidate.Position));
            }
        }

        foreach (var candidate in DutySentences(candidates, request, weights))
        {
            candidate.Score += DutiesBonus;
        }

        foreach (var candidate in candidates.Where(c => c.NamesWhatIsAsked))
        {
            candidate.Score += ListUnderAskedHeadingBonus;
        }

        foreach (var candidate in candidates.Where(c => c.VerdictFromSection))
        {
            candidate.Score += VerdictFromSectionScore;
        }

        // "Incorporating visual aids like flowcharts…", "For instance, a flowchart showing the transition from Junior…":
        // a sentence about a figure the guide would show says nothing a chat reply can show, unless figures are asked about.
        if (!DescribesAFigure().IsMatch(request.Question))
        {
            foreach (var candidate in candidates.Where(c => DescribesAFigure().IsMatch(c.Text)))
            {
                candidate.Score = 0;
            }
        }

        // "If I get bored of backend later, what other careers could I move into?": sentences that name examples ("open doors
        // to other related fields, such as DevOps or full-stack development", "transition into roles like Solutions
        // Architect or CTO") answer a question asking what other things there are.
        if (AsksForOtherKinds().IsMatch(request.Question))
        {
            foreach (var candidate in candidates.Where(c => c.Score > 0 && GivesNamedExamples().IsMatch(c.Text)))
            {
                candidate.Score += ExamplesBonus;
            }
        }

        // "What specializations can I move into later?": the lead-in of a whole list under a heading that names what is
        // asked for ("Step 5: Specializations and Niche Areas") is the answer, even from the third passage.
        if (AsksForKinds().IsMatch(request.Question))
        {
            var telling = QueryTerms.Of(request.Question);
            telling.ExceptWith(GenericWords);
            foreach (var candidate in candidates.Where(c => c.Sentence.ReadsAsLeadIn && !c.Sentence.IsListItem && c.HeadingTerms.Overlaps(telling) && HasWholeList(c, all, endOfSectionEndsIt: true)))
            {
                candidate.Score += ListUnderAskedHeadingBonus;
                candidate.ListsWhatIsAsked = true;
            }
        }
    }

    /// <summary>
    /// "What alternative careers can a backend developer move into?": the introduction of "Part 5: Alternative Career Paths"
    /// is retrieved by its first and last paragraphs, which speak of "a variety of alternative career paths", while the
    /// paragraph between them that names them ("DevOps", "Data Engineering", "Cloud Computing and Cybersecurity",
    /// "Technical Consulting and Product Management") is not (one paragraph per passage, two passages per section). For a
    /// question asking for kinds, under a heading that names what it asks for, a sentence of the same section naming four
    /// or more things joins the passage's candidates, scored like a list under such a heading.
    /// </summary>
    private static void AddNamingSentences(List<Candidate> candidates, ScoredPassage[] passages, OfflineComposeRequest request)
    {
        if (request.SectionParagraphs is null || !AsksForKinds().IsMatch(request.Question))
        {
            return;
        }

        var telling = QueryTerms.Of(request.Question);
        telling.ExceptWith(GenericWords);
        var line = NamingSentenceLines;
        var position = NamingSentenceLines;
        foreach (var (rank, headingTerms, paragraph) in UnretrievedParagraphs(passages, request.SectionParagraphs).Where(p => p.HeadingTerms.Overlaps(telling)))
        {
            line += 2;
            foreach (var text in SentenceSplitter.Split(paragraph.Text))
            {
                position++;
                if (NamesCount(text) >= MinNamesNamed && !candidates.Any(c => c.Text == text))
                {
                    candidates.Add(new Candidate(rank, position, new GuideSentence(text, line, IsListItem: false), QueryTerms.Of(text), opensList: false) { NamesWhatIsAsked = true, HeadingTerms = headingTerms });
                }
            }
        }
    }

    /// <summary>The prose paragraphs of each retrieved passage's section that no retrieved passage holds, with the passage's rank and heading words.</summary>
    private static IEnumerable<(int Rank, HashSet<string> HeadingTerms, GuideParagraph Paragraph)> UnretrievedParagraphs(
        ScoredPassage[] passages, IReadOnlyDictionary<string, IReadOnlyList<GuideParagraph>> sectionParagraphs)
    {
        for (var rank = 0; rank < passages.Length; rank++)
        {
            var passage = passages[rank].Passage;
            if (!sectionParagraphs.TryGetValue(passage.Id, out var paragraphs))
            {
                continue;
            }

            var headingTerms = QueryTerms.Of(passage.SectionPath.Count > 0 ? passage.SectionPath[^1] : string.Empty);
            foreach (var paragraph in paragraphs.Where(p => !p.IsListItem && !passages.Any(other => other.Passage.Text.Contains(p.Text, StringComparison.Ordinal))))
            {
                yield return (rank, headingTerms, paragraph);
            }
        }
    }

    /// <summary>
    /// "Is AI going to make backend developers obsolete in a few years?": the passage retrieved from "The Impact of
    /// Automation" describes automation, and the sentence stating the verdict ("While automation can handle many tasks, it
    /// cannot replace the critical thinking…") is in the section's next paragraph. For a yes-or-no question none of whose
    /// candidates states the verdict, the first sentence of a retrieved passage's section that does joins the candidates
    /// (and is quoted, as every stated verdict is).
    /// </summary>
    private static void AddVerdictSentence(List<Candidate> candidates, ScoredPassage[] passages, OfflineComposeRequest request)
    {
        if (request.SectionParagraphs is null)
        {
            return;
        }

        var topic = QueryTerms.Of(request.Question);
        topic.ExceptWith(GenericWords);
        bool States(string text) => VerdictQuestion.IsStatedBy(request.Question, text, QueryTerms.Of(text).Overlaps(topic));
        if (candidates.Any(c => States(c.Text)))
        {
            return;
        }

        foreach (var (rank, headingTerms, paragraph) in UnretrievedParagraphs(passages, request.SectionParagraphs))
        {
            if (SentenceSplitter.Split(paragraph.Text).FirstOrDefault(States) is { } text)
            {
                candidates.Add(new Candidate(rank, VerdictSentenceLine, new GuideSentence(text, VerdictSentenceLine, IsListItem: false), QueryTerms.Of(text), opensList: false) { VerdictFromSection = true, HeadingTerms = headingTerms });
                return;
            }
        }
    }

    /// <summary>A verdict from the section is scored this much (its words and meaning were not measured): enough to be ranked, and it is then quoted as a verdict.</summary>
    private const double VerdictFromSectionScore = 0.3;

    private const int VerdictSentenceLine = 200_000;

    /// <summary>Lines far below any passage's own, so a naming sentence is quoted after them and never read as a list's neighbour.</summary>
    private const int NamingSentenceLines = 100_000;

    private const int MinNamesNamed = 4;

    /// <summary>Capitalised words inside a sentence (not its first): "DevOps", "Data", "Engineering", "Cloud"….</summary>
    private static int NamesCount(string sentence) => CapitalisedWord().Matches(sentence).Count(m => m.Index > 0);

    [GeneratedRegex(@"(?<![\w’'-])[A-Z][A-Za-z]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Core.Safety.RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex CapitalisedWord();

    private const double ExamplesBonus = 0.3;

    [GeneratedRegex(@"\b(flowcharts?|diagrams?|visual\s+aids?|infographics?|charts?\s+showing)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex DescribesAFigure();

    [GeneratedRegex(@"\b(what|which)\s+(other|else|alternative|different)\s+[a-z-]+s\b|\bwhat\s+else\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Core.Safety.RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex AsksForOtherKinds();

    [GeneratedRegex(@"\b(such\s+as|like|including)\s+(?-i:[A-Z])[\w-]*(\s+(?-i:[A-Z])[\w-]*)*\s*(,|\s+or\s+|\s+and\s+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Core.Safety.RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex GivesNamedExamples();

    /// <summary>Words nearly every heading and question of the guides has: they don't say what a list is of.</summary>
    private static readonly HashSet<string> GenericWords = QueryTerms.Of("backend engineer engineering developer development career path role job software work step part");

    [GeneratedRegex(@"^\W*(what|which)\s+(kinds?\s+of\s+|types?\s+of\s+|sorts?\s+of\s+|other\s+|main\s+|top\s+|common\s+|alternative\s+|different\s+|possible\s+|related\s+|adjacent\s+)?[a-z-]+s\b(?<!\b(is|was|does|has|his|its|this|us)\b)|\b(list|name)\s+(them|some|the|a\s+few)\b|\bexamples\s+of\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Core.Safety.RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex AsksForKinds();

    /// <summary>
    /// For a question about what someone does ("what does a backend intern actually do?", "what's the day-to-day of a
    /// lead?"), the sentences that say what the work involves ("This role typically involves…", "Your day-to-day tasks will
    /// include…") about the role the question names ("intern", not "backend"): the sentence naming the role often says
    /// nothing of the work, and the one that does shares no word with the question.
    /// </summary>
    private static IEnumerable<Candidate> DutySentences(List<Candidate> candidates, OfflineComposeRequest request, Dictionary<string, double> weights)
    {
        // "How does that compare to a lead backend developer?" after "What does a backend architect do?" asks what each does.
        var question = request.Question;
        if (!AsksWhatSomeoneDoes().IsMatch(question))
        {
            if (request.Context is not { } context || !ComparesRoles().IsMatch(question) || !AsksWhatSomeoneDoes().IsMatch(context))
            {
                return [];
            }

            question = context + " " + question;
        }

        // Who the question asks about: the role word it names ("intern", "lead", "cloud"), the one the guides' sentences
        // use most rarely when it names more than one, or each of them when it asks how roles differ ("the difference
        // between a lead backend developer and a backend architect"). "What code will I write day to day as a backend
        // engineer?" names no such role and is left to the other rules.
        var named = RolesIn(question).Where(term => candidates.Any(c => c.Terms.Contains(term))).ToList();
        if (named.Count == 0)
        {
            return [];
        }

        var telling = ComparesRoles().IsMatch(question) ? named : [named.MaxBy(term => weights.GetValueOrDefault(term))!];

        // The sentence is about the same person: it names them, or it points back or speaks to the reader ("This role
        // typically involves…", "Your day-to-day tasks will include… mentoring junior developers") in a paragraph whose
        // last role named before it is theirs.
        bool AboutTheAskedRole(Candidate c)
        {
            if (RolesIn(c.Text).Overlaps(telling))
            {
                return true;
            }

            // "Beyond this, roles like backend architect… involve…" points past the role, not back at it.
            if ((!PointsBack().IsMatch(c.Text) || PointsPast().IsMatch(c.Text)) && !SpeaksToTheReader().IsMatch(c.Text))
            {
                return false;
            }

            var before = candidates.Where(b => b.Rank == c.Rank && b.Sentence.Line == c.Sentence.Line && b.Position < c.Position)
                .OrderByDescending(b => b.Position)
                .Select(b => RolesIn(b.Text))
                .FirstOrDefault(r => r.Count > 0);
            return before is not null && before.Overlaps(telling);
        }

        return candidates.Where(c => DescribesTheWork().IsMatch(c.Text) && !c.Sentence.ReadsAsAnnouncement && AboutTheAskedRole(c));
    }

    /// <summary>
    /// Whether the question asks how two roles the passages name differ ("What's the difference between a Lead Backend
    /// Developer and a Backend Architect?", or "how does that compare to a lead?" after a question about an architect).
    /// </summary>
    private static bool ComparesTwoRoles(List<Candidate> candidates, OfflineComposeRequest request)
    {
        if (!ComparesRoles().IsMatch(request.Question))
        {
            return false;
        }

        var asked = RolesIn(request.Question);
        if (request.Context is { } context && AsksWhatSomeoneDoes().IsMatch(context))
        {
            asked.UnionWith(RolesIn(context));
        }

        return asked.Count(term => candidates.Any(c => c.Terms.Contains(term))) >= 2;
    }

    /// <summary>The stemmed role words a text names ("intern", "lead", "architect").</summary>
    private static HashSet<string> RolesIn(string text) => QueryTerms.Of(string.Join(' ', RoleWord().Matches(text).Select(match => match.Value)));

    [GeneratedRegex(@"^(Beyond|After|Besides)\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex PointsPast();

    [GeneratedRegex(@"\b(difference|differences|differ|differently|compare|comparison)\b|\bvs\.?\b|\bversus\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex ComparesRoles();

    [GeneratedRegex(@"\b(interns?|internships?|juniors?|mid-level|seniors?|lead|leads|principal|staff|architects?|managers?|consultants?|cto|devops|cloud|data|security|product|evangelists?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex RoleWord();

    [GeneratedRegex(@"^(Your|You|You(’|')(ll|re)|As\s+(an?|the))\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex SpeaksToTheReader();

    [GeneratedRegex(@"\b(what\s+(does|do|did|would|will)\s+(an?|the|your|my)?\s*(?:(?!\b(to|i|you|we|it|this|that|they)\b)[\w\s-]){1,40}?\s+(actually\s+|really\s+|even\s+|typically\s+|usually\s+)?do\b|\bwhat\s+(an?|the)\s+(?:(?!\b(to|i|you|we|it|this|that|they)\b)[\w\s-]){1,40}?\s+(actually\s+|really\s+|typically\s+|usually\s+)?does\b|day[\s-]to[\s-]day|all\s+day|(duties|responsibilities|tasks)\s+of|what('|’)?s\s+(the\s+)?(job|work|role)\s+of|difference\s+between|what\s+changes\s+(when|once|after|as)\s+(you|i|u|one|someone)\s+(become|becomes|get\s+promoted|gets\s+promoted|are\s+promoted|move\s+up|make\s+it)|what('|’)?s\s+different\s+(about\s+being|when\s+(you|i|u)\s+(become|are|get)))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Core.Safety.RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex AsksWhatSomeoneDoes();

    [GeneratedRegex(@"\b(involves?|involving|responsible\s+for|responsibilities|duties|tasks|day-to-day|daily\s+work|will\s+include|focus(es|ed)?\s+on)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex DescribesTheWork();

    /// <summary>
    /// The ranks of passages whose section heading is a question of three words or more sharing at least two thirds of them
    /// (and two or more) with the question asked: a guide's FAQ entry for it. Only the passage that opens the section (its first part).
    /// </summary>
    private static HashSet<int> AnsweringHeadingRanks(OfflineComposeRequest request)
    {
        var asked = QueryTerms.Of(request.Question);
        var ranks = new HashSet<int>();
        var passages = request.Passages.Take(MaxPassages).ToArray();
        for (var rank = 0; rank < passages.Length; rank++)
        {
            var passage = passages[rank].Passage;
            if (passage.SectionPath.Count == 0 || !passage.SectionPath[^1].TrimEnd().EndsWith('?') || !passage.Id.EndsWith("/1", StringComparison.Ordinal))
            {
                continue;
            }

            var heading = QueryTerms.Of(passage.SectionPath[^1]);
            var shared = heading.Count(asked.Contains);
            // Three words or more: "What is Backend Engineering?" asks nothing a question about the job does not share.
            if (heading.Count >= 3 && shared >= 2 && shared * 3 >= heading.Count * 2)
            {
                ranks.Add(rank);
            }
        }

        return ranks;
    }

    /// <summary>
    /// "And what comes after senior?": the sentence that continues one the previous answer quoted ("Beyond this, roles
    /// like backend architect…" after "Senior backend engineers often mentor…") is the next step, though it shares no word
    /// with the follow-up, while the follow-up's own "senior" and the earlier question's words pull back to the
    /// passages' first sentences.
    /// </summary>
    private static void AddNextSteps(List<Candidate> fresh, List<Candidate> all, OfflineComposeRequest request)
    {
        if (request.PreviousAnswer is not { Length: > 0 } previous || !AsksWhatComesNext().IsMatch(request.Question))
        {
            return;
        }

        foreach (var candidate in fresh)
        {
            var before = all.FirstOrDefault(c => c.Rank == candidate.Rank && c.Position == candidate.Position - 1);
            if (before is not null && previous.Contains(before.Text, StringComparison.Ordinal))
            {
                candidate.Score += NextStepBonus;
            }
        }
    }

    [GeneratedRegex(@"\b(what(’|')?s next|what comes (next|after)|comes after|and then what|after (that|this|senior|mid|lead|junior)\b|beyond (that|this)|next step|step after)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex AsksWhatComesNext();

    private static Dictionary<string, double> TermWeights(OfflineComposeRequest request, List<Candidate> candidates)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        void AddTerms(IEnumerable<string> terms, double weight)
        {
            foreach (var term in terms)
            {
                if (!weights.TryGetValue(term, out var existing) || existing < weight)
                {
                    weights[term] = weight;
                }
            }
        }

        AddTerms(QueryTerms.Of(string.Join(' ', request.ExpandedTerms ?? [])), 0.4);
        AddTerms(QueryTerms.Of(request.Context), 0.5);
        AddTerms(QueryTerms.Of(request.Question), 1.0);

        // Words found in nearly every candidate sentence ("backend", "developer") tell sentences apart poorly.
        var total = candidates.Count;
        foreach (var term in weights.Keys.ToArray())
        {
            var frequency = candidates.Count(c => c.Terms.Contains(term));
            weights[term] *= Math.Log(1.0 + ((total + 1.0) / (frequency + 1.0)));
        }

        return weights;
    }

    // A bare list label ("SQL", "Continuous Integration (CI/CD)") says little on its own; a very long sentence dilutes
    // the quote; a lead-in counts by the list it brings.
    private static double LengthFactor(Candidate candidate)
    {
        var text = candidate.Sentence.Text;
        var words = text.Count(char.IsWhiteSpace) + 1;
        var leadIn = candidate.Sentence.ReadsAsLeadIn && !candidate.Sentence.IsListItem;
        return candidate.BareListSimilarity is not null || leadIn ? 1.0 : IsLabel(text) ? 0.3 : words > 45 ? 0.8 : 1.0;
    }

    private static bool IsLabel(string text)
    {
        var words = text.Count(char.IsWhiteSpace) + 1;
        return words < 5 || (words < 8 && text[^1] is not ('.' or '!' or '?' or ':'));
    }

    private static List<Candidate> Choose(List<Candidate> candidates, bool byMeaning, HashSet<Candidate> introducing, int limit, bool twoRoles)
    {
        // A lead-in whose whole list is not in this passage (or is too long to quote) cannot be quoted at all; one that
        // introduces its section's sub-sections is quoted with their headings ("More in").
        var quotable = candidates.Where(c => !c.FromSection && (!c.Sentence.ReadsAsLeadIn || c.Sentence.IsListItem || HasWholeList(c, candidates) || c.ListsWhatIsAsked || introducing.Contains(c))).ToList();
        // A sentence that only announces ("there are several core skills that matter") is quoted only when no sentence
        // with content matched at all.
        var withContent = quotable.Where(c => !c.Sentence.ReadsAsAnnouncement || c.Sentence.IsListItem).ToList();
        if (withContent.Any(c => c.Score > 0))
        {
            quotable = withContent;
        }

        var ranked = quotable.Where(c => c.Score > 0).OrderByDescending(c => c.Score).ThenBy(c => c.Rank).ThenBy(c => c.Position).ToList();
        // A lead-in that brings a long list (a dozen labels) is quoted only as the answer's best sentence, not as a
        // runner-up that happened to share a word.
        // It may also come second when it follows the best sentence directly ("…you can stand out among the candidates. Here
        // are several tips to help you secure a backend engineering job:"): the best sentence introduces the list.
        ranked = ranked.Where((c, i) => i == 0 || !c.OpensList || ListAfter(c, candidates).Count <= MaxListItems
            || (c.Rank == ranked[0].Rank && c.Position == ranked[0].Position + 1)).ToList();
        var chosen = new List<Candidate>();
        if (ranked.Count > 0)
        {
            var best = ranked[0].Score;
            // Comparing two roles, the second role's sentences often match clearly less well than the first's best.
            var keep = byMeaning && !twoRoles ? 0.55 : 0.35;
            chosen.AddRange(ranked.TakeWhile(c => c.Score >= best * keep).Take(limit));
        }

        // A yes-or-no question's verdict ("it is not always mandatory", "it cannot replace…") is quoted, in place of the
        // weakest other sentence when there is no room: it rarely shares the question's words.
        if (ranked.FirstOrDefault(c => c.StatesVerdict) is { } verdict && !chosen.Contains(verdict))
        {
            if (chosen.Count >= limit)
            {
                chosen.Remove(chosen.Where(c => !c.StatesVerdict).MinBy(c => c.Score)!);
            }

            chosen.Add(verdict);
        }

        // Too little matched: quote the top passage's opening, or round out a single sentence with its neighbour so the
        // quote reads as a thought, not a fragment.
        var anchor = chosen.Count > 0 ? chosen[0] : quotable.FirstOrDefault(c => c.Rank == 0) ?? quotable.FirstOrDefault();
        if (anchor is null)
        {
            return chosen;
        }

        if (chosen.Count == 0)
        {
            chosen.Add(anchor);
        }

        while (chosen.Count < MinSentences)
        {
            // By meaning, the runner-up usually answers better than the sentence next to the best one.
            var runnerUp = byMeaning ? ranked.FirstOrDefault(c => !chosen.Contains(c) && c.Score >= ranked[0].Score * 0.35) : null;
            var neighbour = runnerUp
                ?? quotable.FirstOrDefault(c => c.Rank == anchor.Rank && c.Position == anchor.Position + 1 && !chosen.Contains(c))
                ?? quotable.FirstOrDefault(c => c.Rank == anchor.Rank && c.Position == anchor.Position - 1 && !chosen.Contains(c))
                ?? ranked.FirstOrDefault(c => !chosen.Contains(c))
                ?? quotable.FirstOrDefault(c => !chosen.Contains(c));
            if (neighbour is null)
            {
                break;
            }

            chosen.Add(neighbour);
        }

        return chosen;
    }

    /// <summary>
    /// A chosen sentence that opens by pointing back ("This provides hands-on experience…", "These tools…", "Beyond this, …",
    /// "In this role, …", "Similarly, …") is quoted with
    /// the sentence before it in its passage, so the quote says what "this" is, while there is room (at most
    /// <see cref="MaxSentences"/>, or the larger limit of a two-role comparison: the least relevant other sentence makes
    /// way). Not when that sentence is a lead-in, a list item. In a follow-up it may be a sentence the previous answer quoted.
    /// </summary>
    private static List<Candidate> WithAntecedents(List<Candidate> chosen, List<Candidate> candidates, int limit)
    {
        var result = new List<Candidate>(chosen);
        // The best pointing-back sentences first; one that has its antecedent (and that antecedent) is never pushed out
        // to make room for another's.
        var settled = new HashSet<Candidate>();
        foreach (var sentence in chosen.Where(c => !c.Sentence.IsListItem && PointsBack().IsMatch(c.Text)).OrderByDescending(c => c.Score).ToList())
        {
            if (!result.Contains(sentence))
            {
                continue;
            }

            var before = candidates.FirstOrDefault(c => c.Rank == sentence.Rank && c.Position == sentence.Position - 1);
            if (before is null || result.Contains(before) || before.Sentence.IsListItem || before.Sentence.ReadsAsLeadIn)
            {
                settled.Add(sentence);
                continue;
            }

            if (result.Count >= limit)
            {
                var weakest = result.Where(c => c != sentence && !settled.Contains(c) && !c.StatesVerdict && !IsAntecedentOf(c, result)).MinBy(c => c.Score);
                if (weakest is null)
                {
                    continue;
                }

                result.Remove(weakest);
            }

            result.Add(before);
            settled.Add(sentence);
            settled.Add(before);
        }

        return result;
    }

    /// <summary>
    /// The best sentence's next one, when it points back to it ("…having a grasp of front-end technologies is beneficial."
    /// then "It enables better communication with front-end developers…"), carries on its thought: it takes the place of
    /// the weakest sentence chosen from another passage, when that one matched clearly less well. Not an announcement
    /// ("This part also considers…").
    /// </summary>
    private static List<Candidate> WithContinuation(List<Candidate> chosen, List<Candidate> candidates, string question)
    {
        // A question with two sides ("do I need a degree, or do skills count more?") may have its other side answered by
        // the other passage's sentence.
        if (chosen.Count == 0 || TwoSided().IsMatch(question))
        {
            return chosen;
        }

        var best = chosen[0];
        var next = candidates.FirstOrDefault(c => c.Rank == best.Rank && c.Position == best.Position + 1 && c.Sentence.Line == best.Sentence.Line);
        if (next is null || chosen.Contains(next) || next.Sentence.IsListItem || next.Sentence.ReadsAsAnnouncement || AboutTheText().IsMatch(next.Text) || !PointsBack().IsMatch(next.Text) || PointsPast().IsMatch(next.Text))
        {
            return chosen;
        }

        // Only in place of a clearly weaker match (under three quarters of the best): a close runner-up may answer better.
        var weakest = chosen.Where(c => c.Rank != best.Rank && c.Score < best.Score * 0.75 && !c.StatesVerdict).MinBy(c => c.Score);
        if (weakest is null)
        {
            return chosen;
        }

        var result = new List<Candidate>(chosen);
        result[result.IndexOf(weakest)] = next;
        return result;
    }

    [GeneratedRegex(@"\bor\b(?!\s+(nah|not|what|something)\b)|\b(beat|beats|better\s+than|vs\.?|versus)\b|\band\s+is\s+(that|it)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Core.Safety.RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex TwoSided();

    // "This article delves into…", "This part also considers…": about the guide, not its subject.
    [GeneratedRegex(@"^(This|These)\s+(article|part|section|guide|segment|chapter|post|parts|sections)\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex AboutTheText();

    private static bool IsAntecedentOf(Candidate candidate, List<Candidate> chosen) =>
        chosen.Any(c => c.Rank == candidate.Rank && c.Position == candidate.Position + 1 && PointsBack().IsMatch(c.Text));

    [GeneratedRegex(@"^((This|These|That|Those|It|They|Such|Similarly|Likewise|Conversely)|(Beyond|After|Besides|Despite|Because\s+of|In\s+addition\s+to|On\s+top\s+of|Apart\s+from|In|For|With|Without|Like|Unlike)\s+(this|that|these|those))\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex PointsBack();

    /// <summary>
    /// "Are there any books or online courses you'd recommend?": each of the things the question offers as alternatives
    /// is answered. When the chosen sentences name only one ("Online platforms like Coursera…"), the best sentence naming
    /// the other ("Recommended books like “Designing Data-Intensive Applications”…") is added, within the limit.
    /// </summary>
    private static List<Candidate> WithEachAlternative(List<Candidate> chosen, List<Candidate> candidates, string question, int limit)
    {
        var match = Alternatives().Match(question);
        if (!match.Success || chosen.Count == 0 || chosen.Count >= limit)
        {
            return chosen;
        }

        var result = new List<Candidate>(chosen);
        foreach (var side in new[] { match.Groups["left"].Value, match.Groups["right"].Value })
        {
            var terms = QueryTerms.Of(side);
            terms.ExceptWith(GenericWords);
            if (terms.Count == 0 || result.Any(c => c.Terms.Overlaps(terms)))
            {
                continue;
            }

            if (candidates.Where(c => c.Score > 0 && c.Terms.Overlaps(terms) && !c.Sentence.ReadsAsAnnouncement && !result.Contains(c)).MaxBy(c => c.Score) is { } naming
                && result.Count < limit)
            {
                result.Add(naming);
            }
        }

        return result;
    }

    // "books or online courses", "Python or Java": a plural noun or a name either side of "or" (not "…or nah", "…or not").
    [GeneratedRegex(@"\b(?<left>[a-z]+s|[A-Z][\w#+.-]*)\s+or\s+(?:(?:online|free|paid|good|other)\s+)?(?<right>[a-z]+s|[A-Z][\w#+.-]*)\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Core.Safety.RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex Alternatives();

    /// <summary>An item of a section that is only a list of names is quoted with the whole list (up to <see cref="MaxListItems"/>).</summary>
    private static List<Candidate> WithWholeBareLists(List<Candidate> chosen, List<Candidate> candidates)
    {
        var result = new List<Candidate>(chosen);
        foreach (var rank in chosen.Where(c => c.BareListSimilarity is not null).Select(c => c.Rank).Distinct().ToList())
        {
            var items = candidates.Where(c => c.Rank == rank && c.BareListSimilarity is not null).OrderBy(c => c.Position).ToList();
            if (items.Count <= MaxListItems)
            {
                result.AddRange(items.Where(item => !result.Contains(item)));
            }
        }

        return result;
    }

    /// <summary>
    /// Each chosen lead-in brings its list. A chosen item that is a bare label ("Prepare for Interviews") says little
    /// alone: when its list can be quoted whole, its lead-in is quoted with the whole list instead. An item another
    /// passage of the answer also holds (two chunks of one section) is quoted once, in its list.
    /// </summary>
    /// <summary>The longest list of sentences quoted whole because two of its items were chosen.</summary>
    private const int MaxWholeListItems = 5;

    private static List<Candidate> WithListsForLeadIns(List<Candidate> chosen, List<Candidate> candidates)
    {
        var result = new List<Candidate>(chosen);
        // Only in the first passage: a label of a later one is a weak match, not worth a whole list.
        foreach (var label in chosen.Where(c => c.Rank == 0 && c.Sentence.IsListItem && IsLabel(c.Text)).ToList())
        {
            var leadIn = candidates.LastOrDefault(c => c.Rank == label.Rank && c.Position < label.Position && c.OpensList);
            if (leadIn is not null && !result.Contains(leadIn) && HasWholeList(leadIn, candidates) && ListAfter(leadIn, candidates).Contains(label))
            {
                result.Insert(result.IndexOf(label), leadIn);
            }
        }

        // Two or more items of one short list of sentences answer together ("how do I build a portfolio?" chose three of
        // its four steps): the list is quoted whole, in its order, with its lead-in. (A list of bare labels, such as the
        // twelve job-search tips, is whole only when its first passage's label was chosen, above.)
        // The items may sit in two chunks of one section ("make my portfolio stand out" chose step 1 of the first chunk and
        // step 4 of the second): each chunk is completed from its section, so an item counts for the list that holds its text.
        var chosenItems = chosen.Where(c => c.Sentence.IsListItem && !IsLabel(c.Text)).ToList();
        // The chunk holding most of them brings the list; another chunk's copy of the same lead-in is not quoted twice.
        foreach (var rank in chosenItems.GroupBy(c => c.Rank).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).ToList())
        {
            var first = chosenItems.Where(c => c.Rank == rank).MinBy(c => c.Position)!;
            var leadIn = candidates.LastOrDefault(c => c.Rank == rank && c.OpensList && c.Position < first.Position);
            if (leadIn is null || result.Any(c => c.Text == leadIn.Text) || !HasWholeList(leadIn, candidates, endOfSectionEndsIt: true)
                || ListAfter(leadIn, candidates) is not { Count: <= MaxWholeListItems } list || !list.Contains(first))
            {
                continue;
            }

            var texts = list.Select(item => item.Text).ToHashSet(StringComparer.Ordinal);
            if (chosenItems.Count(c => texts.Contains(c.Text)) >= 2 && result.Contains(first))
            {
                result.Insert(result.IndexOf(first), leadIn);
            }
        }

        foreach (var leadIn in result.Where(c => c.OpensList).ToList())
        {
            var items = ListAfter(leadIn, candidates);
            result.AddRange(items.Where(item => !result.Contains(item)));
            result.RemoveAll(other => other.Rank != leadIn.Rank && !items.Contains(other) && items.Any(item => item.Text == other.Text));
        }

        return result;
    }

    /// <summary>
    /// Lead-ins whose list is the headings of their section's sub-sections ("As a backend engineer, there are several
    /// core skills… These skills include:" over "Programming languages", "Web frameworks"…): the last sentence of a
    /// passage whose section has sub-sections. The answer names the headings after the quote.
    /// </summary>
    private static HashSet<Candidate> IntroducesSubsections(List<Candidate> candidates, ScoredPassage[] passages, IReadOnlyDictionary<string, IReadOnlyList<string>>? subsections)
    {
        var result = new HashSet<Candidate>();
        if (subsections is null)
        {
            return result;
        }

        foreach (var group in candidates.GroupBy(c => c.Rank).Where(g => subsections.ContainsKey(passages[g.Key].Passage.Id)))
        {
            var last = group.MaxBy(c => c.Position)!;
            if (last.Sentence.ReadsAsLeadIn && !last.Sentence.IsListItem)
            {
                result.Add(last);
            }
        }

        return result;
    }

    /// <summary>Each sentence once: two chunks of one section completed from it can both hold a lead-in and its list.</summary>
    private static List<Candidate> Distinct(List<Candidate> chosen) =>
        chosen.OrderBy(c => c.Rank).ThenBy(c => c.Position).DistinctBy(c => c.Text, StringComparer.Ordinal).ToList();

    /// <summary>
    /// A passage its section was cut from mid-list is completed from the section, so a lead-in can be quoted with its
    /// whole list: when the passage starts inside a list, the lead-in sentence and the items before its first one are put
    /// in front (only when the paragraph before the list reads as a lead-in); when it ends inside a list whose lead-in it
    /// now holds, the items after its last one are added, the last marked as ending the list when the section goes on
    /// with something else (or as ending the section).
    /// </summary>
    private static void ContinueCutLists(List<Candidate> candidates, ScoredPassage[] passages, IReadOnlyDictionary<string, IReadOnlyList<GuideParagraph>>? sections)
    {
        if (sections is null)
        {
            return;
        }

        for (var rank = 0; rank < passages.Length; rank++)
        {
            if (sections.TryGetValue(passages[rank].Passage.Id, out var paragraphs))
            {
                PrependCutListStart(candidates, rank, paragraphs);
                AppendCutListEnd(candidates, rank, paragraphs);
            }
        }
    }

    private static void PrependCutListStart(List<Candidate> candidates, int rank, IReadOnlyList<GuideParagraph> paragraphs)
    {
        var first = candidates.Where(c => c.Rank == rank).MinBy(c => c.Position);
        if (first is null || !first.Sentence.IsListItem)
        {
            return;
        }

        var at = FindParagraph(paragraphs, p => p.IsListItem && p.Text.TrimStart().StartsWith(first.Text.Trim(), StringComparison.Ordinal));
        var start = at;
        while (start > 0 && paragraphs[start - 1].IsListItem)
        {
            start--;
        }

        if (at < 0 || start == 0 || SentenceSplitter.Split(paragraphs[start - 1].Text) is not [.., var leadIn] || !new GuideSentence(leadIn, 0, false).ReadsAsLeadIn)
        {
            return;
        }

        // The lead-in on the line before the first prepended item, each item on a line of its own, the last just before the passage's first.
        var line = first.Sentence.Line - (at - start) - 1;
        var sentences = new List<GuideSentence> { new(leadIn, line, IsListItem: false) };
        foreach (var paragraph in paragraphs.Skip(start).Take(at - start))
        {
            line++;
            sentences.AddRange(SentenceSplitter.Split(paragraph.Text).Select(text => new GuideSentence(text, line, IsListItem: true)));
        }

        var position = first.Position - sentences.Count;
        candidates.AddRange(sentences.Select(sentence => new Candidate(rank, position++, sentence, QueryTerms.Of(sentence.Text), opensList: !sentence.IsListItem) { FromSection = true }));
    }

    private static void AppendCutListEnd(List<Candidate> candidates, int rank, IReadOnlyList<GuideParagraph> paragraphs)
    {
        var own = candidates.Where(c => c.Rank == rank).OrderBy(c => c.Position).ToList();
        if (own.Count == 0 || !own[^1].Sentence.IsListItem)
        {
            return;
        }

        var last = own[^1];
        var leadIn = own.LastOrDefault(c => c.OpensList);
        if (leadIn is null || !ListAfter(leadIn, candidates).Contains(last))
        {
            return;
        }

        var at = FindParagraph(paragraphs, p => p.IsListItem && p.Text.TrimEnd().EndsWith(last.Text.Trim(), StringComparison.Ordinal));
        if (at < 0)
        {
            return;
        }

        var position = last.Position;
        var line = last.Sentence.Line;
        var end = last;
        for (at++; at < paragraphs.Count && paragraphs[at].IsListItem; at++)
        {
            line++;
            foreach (var text in SentenceSplitter.Split(paragraphs[at].Text))
            {
                end = new Candidate(rank, ++position, new GuideSentence(text, line, IsListItem: true), QueryTerms.Of(text), opensList: false) { FromSection = true };
                candidates.Add(end);
            }
        }

        end.EndsList = at < paragraphs.Count;
        end.EndsSection = at == paragraphs.Count;
    }

    /// <summary>The index of the only paragraph that matches, or −1 (none, or several: a list item written twice is left alone).</summary>
    private static int FindParagraph(IReadOnlyList<GuideParagraph> paragraphs, Func<GuideParagraph, bool> match)
    {
        var found = -1;
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (match(paragraphs[i]))
            {
                if (found >= 0)
                {
                    return -1;
                }

                found = i;
            }
        }

        return found;
    }

    // The list must visibly end inside the passage (a line that is not a list item follows it): a passage that ends
    // on a list item may hold only the first items of a longer list.
    private static bool HasWholeList(Candidate leadIn, List<Candidate> candidates, bool endOfSectionEndsIt = false)
    {
        if (!leadIn.OpensList)
        {
            return false;
        }

        // In a follow-up the candidates leave out what the previous answer quoted: a lead-in whose items it quoted has
        // no list to bring, and is not quoted.
        var items = ListAfter(leadIn, candidates);
        if (items.Count == 0 || items[0].Position != leadIn.Position + 1)
        {
            return false;
        }

        var last = items[^1];
        var limit = items.All(item => IsLabel(item.Text)) ? MaxLabelListItems : MaxListItems;
        return items.Count <= limit
            && (last.EndsList || (endOfSectionEndsIt && last.EndsSection)
                || candidates.Any(c => c.Rank == last.Rank && c.Position == last.Position + 1 && !c.Sentence.IsListItem));
    }

    private static List<Candidate> ListAfter(Candidate leadIn, List<Candidate> candidates)
    {
        var items = new List<Candidate>();
        var line = leadIn.Sentence.Line;
        foreach (var candidate in candidates.Where(c => c.Rank == leadIn.Rank && c.Position > leadIn.Position).OrderBy(c => c.Position))
        {
            if (!candidate.Sentence.IsListItem || candidate.Sentence.Line > line + 1)
            {
                break;
            }

            line = candidate.Sentence.Line;
            items.Add(candidate);
        }

        return items;
    }

    private static ComposedAnswer Render(List<Candidate> chosen, ScoredPassage[] passages, string opening, IReadOnlyDictionary<string, IReadOnlyList<string>>? subsections)
    {
        var citations = new List<Citation>();
        var text = new StringBuilder(opening);
        var named = false;
        // Two chunks of one section share a citation, so their sentences form one quote.
        foreach (var group in chosen.GroupBy(c => passages[c.Rank].Passage.ToCitation()).OrderBy(g => g.Min(c => c.Rank)))
        {
            citations.Add(group.Key);
            var number = citations.Count;
            text.Append("\n\n");
            // In the guide's order: two chunks of one section by their number in the section, not by their rank.
            var sentences = group.OrderBy(c => ChunkNumber(passages[c.Rank].Passage.Id)).ThenBy(c => c.Rank).ThenBy(c => c.Position).ToArray();
            for (var i = 0; i < sentences.Length; i++)
            {
                text.Append("> ").Append(sentences[i].Text);
                text.Append(i == sentences.Length - 1 ? $" [{number}]" : "\n");
            }

            // A quoted section introduction: name where the guide goes on (once per answer, the first such section; always
            // after a lead-in such as "These skills include:", which says nothing without the headings it introduces).
            var endsInLeadIn = sentences[^1].Sentence.ReadsAsLeadIn && !sentences[^1].Sentence.IsListItem;
            if ((!named || endsInLeadIn) && subsections is not null
                && group.Select(c => passages[c.Rank].Passage.Id).FirstOrDefault(subsections.ContainsKey) is { } id)
            {
                var headings = subsections[id];
                text.Append("\nMore in [").Append(number).Append("]: ")
                    .AppendJoin(" · ", headings.Take(GuideSubsections.MaxHeadings))
                    .Append(headings.Count > GuideSubsections.MaxHeadings ? " · …" : "");
                named = true;
            }
        }

        return new ComposedAnswer(text.ToString(), citations);
    }

    /// <summary>A passage's number within its section ("guide#section/2" → 2); 0 when the id has none.</summary>
    private static int ChunkNumber(string passageId)
    {
        var slash = passageId.LastIndexOf('/');
        return slash >= 0 && int.TryParse(passageId.AsSpan(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : 0;
    }

    private sealed class Candidate(int rank, int position, GuideSentence sentence, HashSet<string> terms, bool opensList)
    {
        public int Rank { get; } = rank;

        public int Position { get; } = position;

        public GuideSentence Sentence { get; } = sentence;

        public string Text => Sentence.Text;

        public HashSet<string> Terms { get; } = terms;

        /// <summary>A lead-in directly followed by list items in the same passage.</summary>
        public bool OpensList { get; } = opensList;

        /// <summary>Completed from the passage's section (<see cref="ContinueCutLists"/>): quoted only with its lead-in.</summary>
        public bool FromSection { get; init; }

        /// <summary>The last item of a list its passage cut off, completed from the section, when the section shows the list ends there.</summary>
        public bool EndsList { get; set; }

        /// <summary>The last item of a list that its section ends with (set with <see cref="ContinueCutLists"/>).</summary>
        public bool EndsSection { get; set; }

        /// <summary>A lead-in of a whole list under a heading that names what the question asks for (quotable even when its list ends the section).</summary>
        public bool ListsWhatIsAsked { get; set; }

        /// <summary>A sentence from the section's other paragraphs stating the verdict a yes-or-no question asks for (<see cref="AddVerdictSentence"/>).</summary>
        public bool VerdictFromSection { get; init; }

        /// <summary>A sentence from the section's other paragraphs naming the kinds a question asks for (<see cref="AddNamingSentences"/>).</summary>
        public bool NamesWhatIsAsked { get; init; }

        /// <summary>The stemmed words of the heading of the section the sentence is in (empty for sentences completed from a section).</summary>
        public HashSet<string> HeadingTerms { get; init; } = [];

        /// <summary>For an item of a passage that is only a list of names: the passage's similarity to the question (else null).</summary>
        public double? BareListSimilarity { get; init; }

        /// <summary>
        /// In a yes-or-no question, whether the sentence states the verdict asked for (<see cref="VerdictQuestion"/>): it is
        /// quoted, and never makes way for another sentence.
        /// </summary>
        public bool StatesVerdict { get; set; }

        public double Lexical { get; set; }

        public double Score { get; set; }
    }
}
