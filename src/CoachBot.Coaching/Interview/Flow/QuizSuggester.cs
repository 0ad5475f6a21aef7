using CoachBot.Coaching.Interview.Bank;
using CoachBot.Core.Dispatch;
using CoachBot.Knowledge;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoachBot.Coaching.Interview.Flow;

/// <summary>
/// Picks the <c>/quiz</c> to suggest after an interview. Skills are read from what the quiz feature offers: the
/// <c>skill</c> option's choices when it has them, otherwise the quiz bank's skill ids (<c>knowledge/quizzes/*.yaml</c>,
/// the file name is the id), so it never names a skill that does not exist. Null when no <c>/quiz</c> command is registered.
/// </summary>
public sealed class QuizSuggester(IServiceProvider services)
{
    public const string QuizFolderName = "quizzes";

    // Skill ids (or parts of them) that practise each track, best first.
    private static readonly Dictionary<string, string[]> TrackSkills = new(StringComparer.Ordinal)
    {
        [InterviewTracks.Fundamentals] = ["fundamentals", "programming", "language"],
        [InterviewTracks.Databases] = ["databases", "sql", "nosql"],
        [InterviewTracks.Apis] = ["apis", "api"],
        [InterviewTracks.Security] = ["security", "auth"],
        [InterviewTracks.SystemDesign] = ["system-design", "design", "performance", "scal"],
        [InterviewTracks.TestingCicd] = ["testing", "ci-cd", "test", "version-control"],
        [InterviewTracks.CloudDevops] = ["cloud", "devops", "container", "ci-cd"],
        [InterviewTracks.Behavioral] = ["soft-skills", "soft", "communication"],
        [InterviewTracks.Career] = ["career"],
    };

    private IReadOnlyList<string>? _skills;

    /// <summary>"/quiz databases" style text for a track, or "/quiz" when no quiz skill matches.</summary>
    public string? Suggest(string track)
    {
        // Resolved late: the catalog holds the interview command, which needs this class.
        var quiz = services.GetService<CommandCatalog>()?.Find("quiz");
        if (quiz is null)
        {
            return null;
        }

        var skills = _skills ??= Skills(quiz);
        if (skills.Count == 0 || !TrackSkills.TryGetValue(track, out var wanted))
        {
            return "/quiz";
        }

        foreach (var word in wanted)
        {
            var skill = skills.FirstOrDefault(s => s.Equals(word, StringComparison.OrdinalIgnoreCase))
                ?? skills.FirstOrDefault(s => s.Contains(word, StringComparison.OrdinalIgnoreCase));
            if (skill is not null)
            {
                return "/quiz " + skill;
            }
        }

        return "/quiz";
    }

    private List<string> Skills(Core.Commands.CommandDefinition quiz)
    {
        var option = quiz.Options.FirstOrDefault(o => o.Name == "skill")
            ?? quiz.Subcommands.SelectMany(s => s.Options).FirstOrDefault(o => o.Name == "skill");
        if (option is { Choices.Count: > 0 })
        {
            return option.Choices.Select(c => c.Value).ToList();
        }

        var knowledge = services.GetService<IOptions<KnowledgeOptions>>()?.Value;
        var root = KnowledgeDirectory.Resolve(knowledge?.Path);
        var folder = root is null ? null : Path.Combine(root, QuizFolderName);
        return folder is not null && Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.yaml").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];
    }
}
