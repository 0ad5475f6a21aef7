using CoachBot.Coaching.Interview.Bank;
using CoachBot.Core.Dispatch;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Coaching.Interview.Flow;

/// <summary>
/// Picks the <c>/quiz</c> to suggest after an interview, from the quiz command's own skill choices as registered in the
/// command catalog (so it never names a skill that does not exist). Null when no <c>/quiz</c> command is registered.
/// </summary>
public sealed class QuizSuggester(IServiceProvider services)
{
    private static readonly Dictionary<string, string[]> TrackWords = new(StringComparer.Ordinal)
    {
        [InterviewTracks.Fundamentals] = ["fundamental", "programming", "language"],
        [InterviewTracks.Databases] = ["sql", "database", "relational", "nosql"],
        [InterviewTracks.Apis] = ["api", "rest"],
        [InterviewTracks.Security] = ["security", "auth"],
        [InterviewTracks.SystemDesign] = ["system", "design", "scal", "architecture"],
        [InterviewTracks.TestingCicd] = ["test", "ci", "automation", "version"],
        [InterviewTracks.CloudDevops] = ["cloud", "container", "devops", "docker"],
        [InterviewTracks.Behavioral] = ["soft", "communication", "behav", "team"],
        [InterviewTracks.Career] = ["career", "role", "path"],
    };

    /// <summary>"/quiz databases" style text for the weakest track, or "/quiz" when the quiz has no matching skill.</summary>
    public string? Suggest(string track)
    {
        // Resolved late: the catalog holds the interview command, which needs this class.
        var quiz = services.GetService<CommandCatalog>()?.Find("quiz");
        if (quiz is null)
        {
            return null;
        }

        var skillOption = quiz.Options.FirstOrDefault(o => o.Name == "skill")
            ?? quiz.Subcommands.SelectMany(s => s.Options).FirstOrDefault(o => o.Name == "skill");
        if (skillOption is null || skillOption.Choices.Count == 0 || !TrackWords.TryGetValue(track, out var words))
        {
            return "/quiz";
        }

        foreach (var word in words)
        {
            var choice = skillOption.Choices.FirstOrDefault(c =>
                c.Value.Contains(word, StringComparison.OrdinalIgnoreCase) || c.Name.Contains(word, StringComparison.OrdinalIgnoreCase));
            if (choice is not null)
            {
                return "/quiz " + choice.Value;
            }
        }

        return "/quiz";
    }
}
