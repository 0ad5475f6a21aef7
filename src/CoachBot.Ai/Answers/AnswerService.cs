using CoachBot.Ai.Answers.Coverage;
using CoachBot.Ai.Answers.Meaning;
using CoachBot.Ai.Answers.Screening;
using CoachBot.Ai.Llm;
using CoachBot.Core.Conversations.Memory;
using CoachBot.Ai.Prompts;
using CoachBot.Core.Diagnostics;
using CoachBot.Core.Replies.Streaming;
using CoachBot.Core.Safety;
using CoachBot.Knowledge;
using CoachBot.Knowledge.Guides;
using CoachBot.Knowledge.Retrieval;
using CoachBot.Knowledge.Semantic;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Ai.Answers;

/// <summary>
/// The one way questions get answered: guard the question, refuse requests for someone's personal data or to attack
/// someone (before any search or model call), resolve follow-ups with the conversation memory, retrieve (again with
/// figure words when a figure is asked for and none was found), judge whether the guides answer the question
/// (<see cref="CoverageJudge"/>), then compose (through the model when one is configured, falling back to the offline
/// composer on any model failure). Declines when the guides do not cover the question, or when an injection attempt
/// leaves nothing on-topic to answer; a partly covered answer says first what the guides lack.
/// </summary>
public sealed partial class AnswerService(
    IPassageRetriever retriever,
    IConversationMemory memory,
    PromptRunner llm,
    LlmBudget budget,
    IOptions<LlmOptions> llmOptions,
    IOptions<AnswerOptions> answerOptions,
    IOptions<KnowledgeOptions> knowledgeOptions,
    SentenceVectorCache sentenceVectors,
    ModelOutputCleaner modelOutput,
    TimeProvider time,
    ILogger<AnswerService> logger,
    CoachMetrics? metrics = null,
    GuideCatalog? catalog = null)
{
    private const int MaxStandaloneLength = 300;

    private static readonly System.Buffers.SearchValues<char> MarkupCharacters = System.Buffers.SearchValues.Create("[]()<>*_`~|\\:/");

    private double MinConfidence => answerOptions.Value.MinConfidence ?? knowledgeOptions.Value.MinConfidence;

    public async Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var question = request.Question.Trim();
        if (question.Length == 0)
        {
            return Answer.Decline(CoachReplies.EmptyQuestion);
        }

        var assessment = PromptInjectionGuard.Assess(question);
        if (assessment.IsSuspicious)
        {
            LogInjectionSignals(assessment.Signals);
        }

        var asked = assessment.Remainder;
        if (asked.Length == 0)
        {
            return Answer.Decline(CoachReplies.Refused);
        }

        // Refused as what they are, before any search or model call (and without spending the LLM budget). An attack is
        // named as one even when its target is personal data ("get into my coworker's email account").
        if (AttackRequest.IsMatch(asked))
        {
            LogRefused("attack");
            return Answer.Decline(CoachReplies.HarmfulRefusal) with { Verdict = AnswerVerdict.HarmRefused };
        }

        if (PersonalDataRequest.IsMatch(asked))
        {
            LogRefused("personal data");
            return Answer.Decline(CoachReplies.PrivacyRefusal) with { Verdict = AnswerVerdict.PrivacyRefused };
        }

        var history = await memory.RecentAsync(request.Conversation, request.UserKey, cancellationToken);
        // "Tell me more about the second one" after an answer that listed nothing: asking which one beats guessing (the
        // thirteenth user study got the previous answer's sentence a third time).
        if (OrdinalReference.CountsNothing(asked, history.Count > 0 ? history[^1].StandaloneQuestion : null, history.Count > 0 ? history[^1].Answer : null))
        {
            return Answer.Decline(CoachReplies.WhichOne);
        }

        // One question takes one reply from the community's daily LLM budget (a Discord DM user's own), whether or not it is a follow-up.
        var useLlm = llmOptions.Value.IsConfigured && await budget.TryConsumeAsync(request.Conversation.QuotaKey(request.UserKey), cancellationToken);
        var questionVectors = new QuestionVectors(sentenceVectors);
        var resolved = await ResolveAsync(asked, history, useLlm, questionVectors, cancellationToken);
        var (judgedResolved, meaning, verdict) = await JudgeAsync(resolved, questionVectors, cancellationToken);
        // A name the guides never use ("Should I learn Rust for backend work?", "Django or Laravel?"): the reply says
        // first that the guides lack it. A question declined with it is judged again without it: it may be a covered
        // question about something the guides don't name, which gets the closest they have.
        var unknownName = assessment.IsSuspicious || catalog is null ? null : UnknownName.In(asked, catalog);
        if (unknownName is not null && judgedResolved.Judged.Contains(unknownName, StringComparison.Ordinal))
        {
            var name = new QuestionConstraint(ConstraintKind.Name, TechnologyKinds.Canonical(unknownName), []);
            var described = TechnologyKinds.KindOf(unknownName) is null ? judgedResolved.Judged : TechnologyKinds.DescribeAll(judgedResolved.Judged);
            var byKind = false;
            if (!described.Equals(judgedResolved.Judged, StringComparison.Ordinal))
            {
                // A technology the guides never name but whose kind they cover ("Rust": programming languages): searched,
                // judged and quoted with its kind beside it, so the closest they have is about that kind, not about the
                // question's other words ("learn", "backend").
                var searched = judgedResolved with { Judged = described, AskedAs = described, Retrieval = await SearchAsync(described, answerOptions.Value.Passages, cancellationToken) };
                var kindJudged = await JudgeAsync(searched, questionVectors, cancellationToken);
                if (kindJudged.Verdict.Coverage != AnswerCoverage.NotCovered)
                {
                    byKind = true;
                    (judgedResolved, meaning) = (kindJudged.Resolved, kindJudged.Meaning);
                    verdict = kindJudged.Verdict with
                    {
                        Coverage = AnswerCoverage.PartlyAnswered,
                        Missing = [name, .. kindJudged.Verdict.Missing],
                        Reason = $"'{name.Text}' is not in the guides; judged as a {TechnologyKinds.KindOf(unknownName)}: {kindJudged.Verdict.Reason}",
                    };
                }
            }

            if (!byKind && verdict.Coverage == AnswerCoverage.Answered)
            {
                verdict = verdict with { Coverage = AnswerCoverage.PartlyAnswered, Missing = [name], Reason = $"'{unknownName}' is not in the guides" };
            }
            else if (!byKind && verdict.Coverage == AnswerCoverage.NotCovered)
            {
                var remainder = string.Join(' ', judgedResolved.Judged.Replace(unknownName, " ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries));
                var without = judgedResolved with { Judged = remainder, Retrieval = await SearchAsync(remainder, answerOptions.Value.Passages, cancellationToken) };
                var retried = await JudgeAsync(without, questionVectors, cancellationToken);
                if (retried.Verdict.Coverage != AnswerCoverage.NotCovered)
                {
                    // Quoted from the search for the whole question: the sentence model knows what Rust is (a language)
                    // even though the guides never name it.
                    (judgedResolved, meaning) = (retried.Resolved with { Retrieval = judgedResolved.Retrieval }, retried.Meaning);
                    verdict = retried.Verdict with
                    {
                        Coverage = AnswerCoverage.PartlyAnswered,
                        Missing = [name, .. retried.Verdict.Missing],
                        Reason = $"'{unknownName}' is not in the guides; without it: {retried.Verdict.Reason}",
                    };
                }
            }
        }

        resolved = judgedResolved;
        if (verdict.Coverage == AnswerCoverage.NotCovered)
        {
            metrics?.Retrieval(answered: false);
            LogDeclined(verdict.Reason, verdict.Confidence, verdict.Semantic ?? double.NaN);
            // The evidence stays with the decline: the question log shows which guide sections came closest.
            return Answer.Decline(assessment.IsSuspicious ? CoachReplies.Refused : CoachReplies.OffTopic) with
            {
                Verdict = AnswerVerdict.NotCovered,
                Evidence = AnswerEvidence.From(resolved.Retrieval),
            };
        }

        metrics?.Retrieval(answered: true);
        LogJudged(verdict.Coverage, verdict.Reason, verdict.Confidence, verdict.Semantic ?? double.NaN);
        // A follow-up, or a request for more that names its own subject ("can you go deeper on the authentication part?"):
        // what the previous answer quoted is not quoted again.
        var previous = history.Count > 0 && (resolved.Context is not null || FollowUpDetector.AsksForMore(asked)) && !FollowUpDetector.AsksToRepeat(asked) ? history[^1].Answer : null;
        var passages = previous is null ? resolved.Retrieval.Passages : await FollowUpPassagesAsync(resolved, asked, previous, cancellationToken);
        verdict = MentionedInFollowUpPassages(verdict, previous is null ? null : passages);
        var offline = new OfflineComposeRequest(passages, Knowledge.Retrieval.ChatRegister.SpellOut(resolved.AskedAs ?? asked), resolved.Context, resolved.Retrieval.ExpandedTerms)
        {
            Meaning = meaning,
            PreviousAnswer = previous,
            Opening = verdict.Note,
            Subsections = catalog is null ? null : GuideSubsections.Of(catalog, passages),
            SectionParagraphs = catalog is null ? null : GuideSubsections.ParagraphsOf(catalog, passages),
        };
        var answer = llmOptions.Value.IsConfigured && !useLlm
            ? await ModelThreads.Shared.RunAsync(() => ComposeOffline(offline), cancellationToken) with { Note = CoachReplies.LlmBudgetNote }
            : await ComposeAsync(offline, resolved, verdict, history, request.Progress, cancellationToken);
        answer = answer with
        {
            Verdict = verdict.Coverage == AnswerCoverage.PartlyAnswered ? AnswerVerdict.PartlyAnswered : AnswerVerdict.Answered,
            Evidence = AnswerEvidence.From(resolved.Retrieval),
        };
        await memory.RememberAsync(request.Conversation, request.UserKey,
            new ConversationTurn(asked, resolved.Standalone, answer.Text, time.GetUtcNow()), cancellationToken);
        return answer;
    }

    /// <summary>
    /// A follow-up is composed from its own passages, not the ones it was judged on: when those mention every detail the
    /// judge found missing ("which of those is best for a total beginner?" and "Python: Loved for its readability…,
    /// making it excellent for beginners"), the answer does not open by saying the guides lack it.
    /// </summary>
    private static CoverageVerdict MentionedInFollowUpPassages(CoverageVerdict verdict, IReadOnlyList<ScoredPassage>? followUpPassages)
    {
        if (followUpPassages is null || verdict.Coverage != AnswerCoverage.PartlyAnswered || verdict.MissingFigures || verdict.Missing.Count == 0)
        {
            return verdict;
        }

        var texts = followUpPassages.Take(OfflineComposer.MaxPassages).Select(p => string.Join(' ', p.Passage.SectionPath) + "\n" + p.Passage.Text).ToArray();
        return verdict.Missing.All(detail => texts.Any(detail.IsMentionedIn))
            ? verdict with { Coverage = AnswerCoverage.Answered, Missing = [], Reason = verdict.Reason + "; mentioned in the follow-up's passages" }
            : verdict;
    }

    /// <summary>Searching again for figures, embedding and judging, on the model threads (below the priority of acknowledging events).</summary>
    private Task<(ResolvedQuestion Resolved, QuestionMeaning? Meaning, CoverageVerdict Verdict)> JudgeAsync(
        ResolvedQuestion resolved, QuestionVectors vectors, CancellationToken ct) =>
        ModelThreads.Shared.RunAsync(() =>
        {
            var withFigures = WithFigures(resolved);
            var measured = Measure(withFigures.Judged, withFigures, vectors, ct);
            return (withFigures, measured, CoverageJudge.Judge(withFigures.Judged, withFigures.Retrieval, measured, MinConfidence));
        }, ct);

    /// <summary>
    /// The passages a follow-up is composed from. One with words of its own ("tell me more about the NoSQL ones") is
    /// searched a little further down, and the passages that still have an unquoted sentence with one of those words come
    /// first: the first answer's passages often have only their leftovers (a lead-in, the SQL sentence) to offer.
    /// </summary>
    private async Task<IReadOnlyList<ScoredPassage>> FollowUpPassagesAsync(ResolvedQuestion resolved, string asked, string previousAnswer, CancellationToken ct)
    {
        var own = QueryTerms.Of(FollowUpDetector.WithoutMoreRequest(asked));
        if (own.Count == 0)
        {
            // "Why?" after an answer that gave the reason ("It enables better communication…"): that passage answers it
            // again, first (the composer quotes the reason again and says so).
            var unquoted = WithUnquoted(resolved.Retrieval.Passages, previousAnswer);
            var reasons = OfflineComposer.AsksOnlyWhy(asked)
                ? QuotedBefore(resolved.Retrieval.Passages, previousAnswer, OfflineComposer.ReadsAsReason).Take(1).ToArray()
                : [];
            return [.. reasons, .. unquoted.Where(p => !reasons.Contains(p))];
        }

        var k = answerOptions.Value.Passages;
        var further = await SearchAsync(resolved.Standalone, k + 3, ct);
        var candidates = resolved.Retrieval.Passages.Concat(further.Passages).DistinctBy(p => p.Passage.Id).ToList();
        // "What about for seniors?" after a salary question asks for the seniors' figure: the passages that give a figure
        // of the kind asked come first even when quoted before (the composer repeats the figure sentence that answers).
        var figure = FigureQuestion.Of(resolved.Judged);
        var withFigures = figure is FigureKind.Money or FigureKind.Rate
            ? candidates.Where(p => FigureQuestion.Gives(p.Passage.Text, figure)).Take(1).ToList()
            : [];
        // "And which of those pay more?": the passage saying what commands higher pay answers it before any figure.
        if (FigureQuestion.AsksWhichPaysMore(asked))
        {
            withFigures = [.. candidates.Where(p => FigureQuestion.SaysPaysMore(p.Passage.Text)).Take(1).Concat(withFigures).Distinct()];
        }

        // "How does that compare to other jobs?": the passages whose comparison the previous answer quoted answer it again.
        if (OfflineComposer.AsksHowItCompares(asked))
        {
            withFigures = [.. QuotedBefore(candidates, previousAnswer, OfflineComposer.ReadsAsComparison).Take(k)];
        }

        var onTopic = withFigures.Concat(candidates.Where(p => !withFigures.Contains(p) && SentenceSplitter.Split(p.Passage.Text)
            .Any(s => !previousAnswer.Contains(s, StringComparison.Ordinal) && QueryTerms.Of(s).Overlaps(own)))).Take(k).ToList();
        // Fewer than k on topic: the first answer's passages with something unquoted fill the rest, in their order.
        var rest = WithUnquoted(resolved.Retrieval.Passages, previousAnswer).Where(p => !onTopic.Contains(p));
        return [.. onTopic, .. rest.Take(k - onTopic.Count)];
    }

    /// <summary>The passages with a sentence the previous answer quoted that <paramref name="answers"/> (a comparison, a reason), in order.</summary>
    private static IEnumerable<ScoredPassage> QuotedBefore(IEnumerable<ScoredPassage> passages, string previousAnswer, Func<string, bool> answers) =>
        passages.Where(p => SentenceSplitter.Split(p.Passage.Text).Any(s => previousAnswer.Contains(s, StringComparison.Ordinal) && answers(s)));

    /// <summary>Passages the previous answer quoted in full have nothing new; the others keep their order.</summary>
    private static ScoredPassage[] WithUnquoted(IReadOnlyList<ScoredPassage> passages, string previousAnswer)
    {
        var fresh = passages.Where(p => SentenceSplitter.Split(p.Passage.Text).Any(s => !previousAnswer.Contains(s, StringComparison.Ordinal))).ToArray();
        return fresh.Length > 0 ? fresh : [.. passages];
    }

    /// <summary>
    /// A question asking for pay or a rate whose passages give no figure is searched again with words that lead to the
    /// figures ("salary", "growth"); the best passage that gives one goes first.
    /// </summary>
    private ResolvedQuestion WithFigures(ResolvedQuestion resolved)
    {
        resolved = WithWhatPaysMore(resolved);
        var figure = FigureQuestion.Of(resolved.Judged);
        var passages = resolved.Retrieval.Passages;
        if (figure is not (FigureKind.Money or FigureKind.Rate) || passages.Count == 0)
        {
            return resolved;
        }

        var top = passages.Take(OfflineComposer.MaxPassages).ToArray();
        if (top.Any(p => FigureQuestion.Gives(p.Passage.Text, figure)))
        {
            // The passages that give the figure answer the question: they go first.
            var reordered = top.Where(p => FigureQuestion.Gives(p.Passage.Text, figure)).Concat(passages.Where(p => !FigureQuestion.Gives(p.Passage.Text, figure) || !top.Contains(p))).ToArray();
            return resolved with { Retrieval = resolved.Retrieval with { Passages = reordered } };
        }

        return WithPassageFoundAgain(resolved, FigureQuestion.SearchHint(figure), text => FigureQuestion.Gives(text, figure));
    }

    /// <summary>
    /// "And which of those pay more?" after a languages answer: when no passage found says what commands higher pay,
    /// the question is searched again with words that lead to one ("higher salaries"), which goes first.
    /// </summary>
    private ResolvedQuestion WithWhatPaysMore(ResolvedQuestion resolved)
    {
        var passages = resolved.Retrieval.Passages;
        if (!FigureQuestion.AsksWhichPaysMore(resolved.Judged) || passages.Take(OfflineComposer.MaxPassages).Any(p => FigureQuestion.SaysPaysMore(p.Passage.Text)))
        {
            return resolved;
        }

        return WithPassageFoundAgain(resolved, "higher salaries", FigureQuestion.SaysPaysMore);
    }

    /// <summary>
    /// The question searched again with <paramref name="hint"/> after it: the first passage found that
    /// <paramref name="answers"/> and is not among the passages yet goes first (the list keeps at least two).
    /// </summary>
    private ResolvedQuestion WithPassageFoundAgain(ResolvedQuestion resolved, string hint, Func<string, bool> answers)
    {
        var passages = resolved.Retrieval.Passages;
        var k = answerOptions.Value.Passages;
        var again = retriever.Search(InputText.Truncate(resolved.Standalone + " " + hint, MaxStandaloneLength + 60), k);
        var found = again.Passages.FirstOrDefault(p => answers(p.Passage.Text) && passages.All(q => q.Passage.Id != p.Passage.Id));
        return found is null
            ? resolved
            : resolved with { Retrieval = resolved.Retrieval with { Passages = passages.Prepend(found).Take(Math.Max(k, 2)).ToArray() } };
    }

    private QuestionMeaning? Measure(string judged, ResolvedQuestion resolved, QuestionVectors vectors, CancellationToken ct)
    {
        if (judged == resolved.Standalone && resolved.Retrieval.QueryVector is { } fromRetrieval)
        {
            vectors.Remember(judged, fromRetrieval);
        }

        return QuestionMeaning.Measure(judged, resolved.Retrieval.Passages, vectors.For(judged, ct), sentenceVectors, ct);
    }

    /// <summary>A search (with the question's embedding) on the model threads (<see cref="ModelThreads"/>).</summary>
    private Task<RetrievalResult> SearchAsync(string query, int k, CancellationToken ct) =>
        ModelThreads.Shared.RunAsync(() => retriever.Search(query, k), ct);

    private async Task<ResolvedQuestion> ResolveAsync(
        string asked, IReadOnlyList<ConversationTurn> history, bool useLlm, QuestionVectors vectors, CancellationToken ct)
    {
        var k = answerOptions.Value.Passages;
        if (history.Count == 0)
        {
            return NextCareerStage.Searchable(asked, null) is { } nextStage
                ? await NextStageAsync(asked, nextStage, null, ct)
                : new ResolvedQuestion(asked, null, await SearchAsync(asked, k, ct));
        }

        var previous = history[^1];
        if (useLlm)
        {
            var rewrite = await llm.RunAsync(PromptNames.RewriteQuestion, new Dictionary<string, object?>
            {
                ["history"] = PromptText.History(history),
                ["question"] = asked,
            }, ct);
            if (rewrite.Succeeded)
            {
                var standalone = PromptInjectionGuard.Assess(FirstLine(rewrite.Text!)).Remainder;
                if (standalone.Length > 0)
                {
                    LogRewritten(asked.Length, standalone.Length);
                    return new ResolvedQuestion(standalone, previous.StandaloneQuestion, await SearchAsync(standalone, k, ct));
                }
            }
        }

        // "What comes after that?": the stage after the one this question or the previous one names, in the guides' words.
        if (NextCareerStage.Searchable(asked, previous.StandaloneQuestion) is { } next)
        {
            return await NextStageAsync(asked, next, previous.StandaloneQuestion, ct);
        }

        // Offline: a follow-up borrows the previous question's words when it leans on it. A new question that stands on
        // its own words and that the guides don't cover ("how do I avoid burnout" after a salary question) is judged on
        // its own: borrowing the earlier subject would answer it with the earlier topic's leftovers.
        // "Tell me more about the second one": the ordinal names an item of the previous question or answer, and the
        // follow-up with that item in its place stands on its own words.
        if (OrdinalReference.Resolve(asked, previous.StandaloneQuestion, previous.Answer) is { } named)
        {
            return new ResolvedQuestion(named, previous.StandaloneQuestion, await SearchAsync(named, k, ct)) { AskedAs = named };
        }

        var own = new ResolvedQuestion(asked, null, await SearchAsync(asked, k, ct));
        if (!FollowUpDetector.IsFollowUp(asked))
        {
            return own;
        }

        // "What about testing?" after a CI/CD question moves to a subject the guides give a section of its own: it is
        // searched on its own words (the CI/CD passages mention "automated testing" and would win the combined search).
        // "What about for seniors?" names no section's subject and borrows the previous question's; "what about salaries
        // for that?" points back to it. "And once you've got 5+ years of experience?" after a salary question finds an
        // "experience" heading too weakly to be answered on its own words: it borrows the previous question's.
        if (FollowUpDetector.OpensWithContinuation(asked) && !FollowUpDetector.PointsOutside(asked) && NamesItsSection(asked, own.Retrieval)
            && own.Retrieval.Confidence >= MinConfidence)
        {
            return own with { Context = previous.StandaloneQuestion };
        }

        var context = previous.StandaloneQuestion.Length <= MaxStandaloneLength / 2 ? previous.StandaloneQuestion : previous.Question;
        var combined = InputText.Truncate(context + " " + asked, MaxStandaloneLength);
        // "tell me more" wants what the last answer left out: the earlier question's search (with figure words when it
        // asked for a figure), a little further down. "Tell me more about the data engineer one" names its subject, so
        // its own words are searched with the earlier question's.
        var together = FollowUpDetector.AsksForMore(asked) && !FollowUpDetector.NamesItsOwnSubject(asked)
            ? await SearchAsync((context + " " + FigureQuestion.SearchHint(FigureQuestion.Of(context))).Trim(), k + 3, ct)
            : await SearchAsync(combined, k, ct);
        return new ResolvedQuestion(combined, context, together) { Judged = combined };
    }

    /// <summary>Whether the first passage found for the question sits in a section whose heading names one of the question's own words.</summary>
    private static bool NamesItsSection(string question, RetrievalResult retrieval)
    {
        if (retrieval.Passages.Count == 0 || retrieval.Passages[0].Passage.SectionPath.Count == 0)
        {
            return false;
        }

        var heading = QueryTerms.Of(retrieval.Passages[0].Passage.SectionPath[^1]);
        return QueryTerms.Of(question).Overlaps(heading);
    }

    /// <summary>
    /// A question about the next career stage: searched, judged and quoted as that stage in the guides' words; the question
    /// kept and remembered is the one asked with that stage beside it, so the model reads what was asked and "and after
    /// that?" goes one stage further.
    /// </summary>
    private async Task<ResolvedQuestion> NextStageAsync(string asked, string nextStage, string? context, CancellationToken ct) =>
        new(InputText.Truncate($"{asked.TrimEnd()} ({nextStage})", MaxStandaloneLength), context, await SearchAsync(nextStage, answerOptions.Value.Passages, ct))
        {
            AskedAs = nextStage,
            Judged = nextStage,
        };

    private async Task<Answer> ComposeAsync(
        OfflineComposeRequest offline, ResolvedQuestion resolved, CoverageVerdict verdict, IReadOnlyList<ConversationTurn> history,
        IReplyProgress? progress, CancellationToken ct)
    {
        var passages = resolved.Retrieval.Passages;
        if (llmOptions.Value.IsConfigured)
        {
            var variables = new Dictionary<string, object?>
            {
                ["passages"] = PromptText.Passages(passages),
                ["history"] = PromptText.History(history),
                ["question"] = resolved.Standalone,
                ["coverage"] = verdict.Note ?? "(none)",
            };
            var reply = progress is null
                ? await llm.RunAsync(PromptNames.Answer, variables, ct)
                : await llm.StreamAsync(PromptNames.Answer, variables, soFar => progress.Report(() => FromModel(SettledPart(soFar), passages, verdict.Note).Text), ct);
            if (reply.Succeeded)
            {
                return FromModel(reply.Text!, passages, verdict.Note);
            }

            // A stream that failed part way left partial text on the platform: this answer replaces it.
            var fallback = await ModelThreads.Shared.RunAsync(() => ComposeOffline(offline), ct);
            return fallback with { Note = CoachReplies.LlmFallbackNote };
        }

        return await ModelThreads.Shared.RunAsync(() => ComposeOffline(offline), ct);
    }

    /// <summary>Model text as an answer: [P1] markers become numbered citations, then the text is cleaned (so no rewrite can rebuild a hidden link), the coverage note first.</summary>
    private Answer FromModel(string modelText, IReadOnlyList<ScoredPassage> passages, string? note)
    {
        var mapped = CitationMapper.Map(modelText, passages);
        var cleaned = modelOutput.Clean(mapped.Text);
        var text = note is not null && !cleaned.StartsWith(note[..^1], StringComparison.OrdinalIgnoreCase)
            ? note + "\n\n" + cleaned
            : cleaned;
        return new Answer(text, mapped.Citations, Declined: false, UsedLlm: true);
    }

    /// <summary>
    /// The streamed text without a last fragment that is still markup being written (a [P1] marker, a link, emphasis):
    /// half-made markup is not shown. A plain word shows at once.
    /// </summary>
    private static string SettledPart(string soFar)
    {
        var start = soFar.Length;
        while (start > 0 && !char.IsWhiteSpace(soFar[start - 1]))
        {
            start--;
        }

        return soFar.AsSpan(start).IndexOfAny(MarkupCharacters) >= 0 ? soFar[..start] : soFar;
    }

    private static Answer ComposeOffline(OfflineComposeRequest request)
    {
        var composed = OfflineComposer.Compose(request);
        return new Answer(composed.Text, composed.Citations, Declined: false, UsedLlm: false);
    }

    private static string FirstLine(string text)
    {
        var line = text.Trim().Split('\n', 2)[0].Trim().Trim('"', '“', '”', '\'');
        return InputText.Truncate(line, MaxStandaloneLength);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Question shows injection signals {Signals}; answering only what is left")]
    private partial void LogInjectionSignals(IReadOnlyList<string> signals);

    [LoggerMessage(Level = LogLevel.Information, Message = "Declined, not covered: {Reason} (lexical {Confidence:0.00}, meaning {Semantic:0.00})")]
    private partial void LogDeclined(string reason, double confidence, double semantic);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Coverage {Coverage}: {Reason} (lexical {Confidence:0.00}, meaning {Semantic:0.00})")]
    private partial void LogJudged(AnswerCoverage coverage, string reason, double confidence, double semantic);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a request for {Kind}")]
    private partial void LogRefused(string kind);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Follow-up rewritten by the model ({FromLength} → {ToLength} characters)")]
    private partial void LogRewritten(int fromLength, int toLength);

    /// <summary>The question vectors of one request, so a text is embedded at most once however often it is judged.</summary>
    private sealed class QuestionVectors(SentenceVectorCache cache)
    {
        private readonly Dictionary<string, float[]?> _vectors = new(StringComparer.Ordinal);

        public void Remember(string text, float[] vector) => _vectors.TryAdd(text, vector);

        public float[]? For(string text, CancellationToken ct)
        {
            if (!_vectors.TryGetValue(text, out var vector))
            {
                vector = cache.EmbedQuestion(text, ct);
                _vectors[text] = vector;
            }

            return vector;
        }
    }

    /// <summary>
    /// The question as searched (<see cref="Standalone"/>), the earlier question it borrowed from, what retrieval found,
    /// and the text the coverage judge weighs (<see cref="Judged"/>): the question as asked, unless it leans on the
    /// previous one ("tell me more"), when only the combined text has a subject.
    /// </summary>
    private sealed record ResolvedQuestion(string Standalone, string? Context, RetrievalResult Retrieval)
    {
        public string Judged { get; init; } = Standalone;

        /// <summary>The question as the composer should read it, when it differs from what was typed ("the second one" named).</summary>
        public string? AskedAs { get; init; }
    }
}
