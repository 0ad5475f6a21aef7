using System.Reflection;

namespace CoachBot.Host.Tests;

/// <summary>
/// Every generated regular expression in the bot either runs on the linear-time engine or has a match timeout, so no
/// text (a question, a message, model output) can hold a worker in catastrophic backtracking.
/// </summary>
public sealed class RegexSafetyTests
{
    [Fact]
    public void EveryGeneratedRegex_IsNonBacktrackingOrHasATimeout()
    {
        Type[] anchors =
        [
            typeof(CoachBot.Core.Safety.InputText), typeof(CoachBot.Ai.Answers.AnswerService), typeof(CoachBot.Knowledge.KnowledgeBase),
            typeof(CoachBot.Coaching.Quiz.Bank.QuizBankLoader), typeof(CoachBot.Slack.Rendering.SlackMrkdwn),
            typeof(CoachBot.Discord.Rendering.DiscordReplyRenderer), typeof(CoachBot.Terminal.TerminalReplyRenderer),
        ];
        var regexes = anchors.Select(t => t.Assembly).Distinct()
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0 && m.GetCustomAttribute<GeneratedRegexAttribute>() is not null)
            .Select(m => (Name: m.DeclaringType!.Name + "." + m.Name, Regex: (Regex)m.Invoke(null, null)!))
            .ToList();

        Assert.True(regexes.Count >= 60, $"found only {regexes.Count} generated regexes");
        var unbounded = regexes
            .Where(r => !r.Regex.Options.HasFlag(RegexOptions.NonBacktracking) && r.Regex.MatchTimeout == Regex.InfiniteMatchTimeout)
            .Select(r => r.Name)
            .ToList();
        Assert.Empty(unbounded);
    }
}
