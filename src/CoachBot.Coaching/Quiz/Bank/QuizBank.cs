using CoachBot.Knowledge;
using CoachBot.Knowledge.Guides;
using Microsoft.Extensions.Options;

namespace CoachBot.Coaching.Quiz.Bank;

/// <summary>
/// The loaded question bank: skills by id or alias, questions by id. Loaded once, on first use, from
/// <see cref="QuizOptions.BankPath"/> or <c>quizzes/</c> in the knowledge folder; every reference is checked against the guides.
/// </summary>
public sealed class QuizBank : IQuizSkillCatalog
{
    private readonly Lazy<Loaded> _loaded;

    public QuizBank(IOptions<QuizOptions> quiz, IOptions<KnowledgeOptions> knowledge, GuideCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(quiz);
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(catalog);
        _loaded = new Lazy<Loaded>(() => new Loaded(QuizBankLoader.LoadDirectory(
            BankDirectory(quiz.Value, knowledge.Value),
            reference => catalog.FindSection(reference) is not null)));
    }

    public QuizBank(IReadOnlyList<QuizSkill> skills)
    {
        var loaded = new Loaded(skills);
        _loaded = new Lazy<Loaded>(() => loaded);
    }

    public IReadOnlyList<QuizSkill> Skills => _loaded.Value.Skills;

    public IReadOnlyList<string> SkillIds => _loaded.Value.SkillIds;

    public static string BankDirectory(QuizOptions quiz, KnowledgeOptions knowledge)
    {
        ArgumentNullException.ThrowIfNull(quiz);
        ArgumentNullException.ThrowIfNull(knowledge);
        return KnowledgeDirectory.ResolveBank(quiz.BankPath, $"{QuizOptions.SectionName}:{nameof(QuizOptions.BankPath)}", knowledge.Path, "quizzes");
    }

    /// <summary>The skill whose id, alias or title matches what the person typed ("databases", "sql", "SQL", "api design").</summary>
    public QuizSkill? FindSkill(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        var key = GuideSection.SlugOf(typed);
        return _loaded.Value.ByName.GetValueOrDefault(key);
    }

    public QuizQuestion? FindQuestion(string id) => _loaded.Value.Questions.GetValueOrDefault(id);

    /// <summary>
    /// Up to <paramref name="count"/> distinct questions of a skill in random order, of the given difficulty first and
    /// topped up with other difficulties when the bank has too few.
    /// </summary>
    public static IReadOnlyList<QuizQuestion> Pick(QuizSkill skill, int count, string? difficulty, Random random)
    {
        ArgumentNullException.ThrowIfNull(skill);
        ArgumentNullException.ThrowIfNull(random);
        var preferred = skill.Questions.Where(q => difficulty is null || q.Difficulty == difficulty).ToArray();
        var others = skill.Questions.Where(q => difficulty is not null && q.Difficulty != difficulty).ToArray();
        random.Shuffle(preferred);
        random.Shuffle(others);
        return preferred.Concat(others).Take(count).ToList();
    }

    private sealed class Loaded
    {
        public Loaded(IReadOnlyList<QuizSkill> skills)
        {
            Skills = skills;
            SkillIds = skills.Select(s => s.Id).Order(StringComparer.Ordinal).ToList();
            Questions = skills.SelectMany(s => s.Questions).ToDictionary(q => q.Id, StringComparer.Ordinal);
            ByName = new Dictionary<string, QuizSkill>(StringComparer.Ordinal);
            foreach (var skill in skills)
            {
                foreach (var name in skill.Aliases.Prepend(skill.Id).Append(GuideSection.SlugOf(skill.Title)))
                {
                    ByName.TryAdd(GuideSection.SlugOf(name), skill);
                }
            }
        }

        public IReadOnlyList<QuizSkill> Skills { get; }

        public IReadOnlyList<string> SkillIds { get; }

        public Dictionary<string, QuizQuestion> Questions { get; }

        public Dictionary<string, QuizSkill> ByName { get; }
    }
}
