using CoachBot.Coaching.Interview.Bank;
using CoachBot.Coaching.Quiz.Bank;

namespace CoachBot.Coaching.Interview.Flow;

/// <summary>
/// Picks the <c>/quiz</c> to suggest after an interview from the skills the quiz feature's bank offers (wherever
/// <c>Quiz:BankPath</c> puts it), so it never names a skill that does not exist. Null when the host has no quiz
/// feature (no <see cref="IQuizSkillCatalog"/> registered).
/// </summary>
public sealed class QuizSuggester(IQuizSkillCatalog? quizSkills = null)
{
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

    /// <summary>"/quiz databases" style text for a track, or "/quiz" when no quiz skill matches.</summary>
    public string? Suggest(string track)
    {
        if (quizSkills is null)
        {
            return null;
        }

        return SkillFor(track) is { } skill ? "/quiz " + skill : "/quiz";
    }

    /// <summary>The quiz skill that practises a track (interview results count for it in the competency map), or null.</summary>
    public string? SkillFor(string track)
    {
        var skills = quizSkills?.SkillIds ?? [];
        if (skills.Count == 0 || !TrackSkills.TryGetValue(track, out var wanted))
        {
            return null;
        }

        foreach (var word in wanted)
        {
            var skill = skills.FirstOrDefault(s => s.Equals(word, StringComparison.OrdinalIgnoreCase))
                ?? skills.FirstOrDefault(s => s.Contains(word, StringComparison.OrdinalIgnoreCase));
            if (skill is not null)
            {
                return skill;
            }
        }

        return null;
    }
}
