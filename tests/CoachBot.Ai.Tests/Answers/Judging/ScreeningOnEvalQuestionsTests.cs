using System.Text.Json;

namespace CoachBot.Ai.Tests.Answers.Judging;

/// <summary>The screening rules must not fire on the ordinary career questions of both eval sets (111 questions).</summary>
public sealed class ScreeningOnEvalQuestionsTests
{
    public static TheoryData<string> EvalQuestions()
    {
        var data = new TheoryData<string>();
        foreach (var file in new[] { "questions.jsonl", "heldout.jsonl" })
        {
            foreach (var line in File.ReadLines(Path.Combine(RepoPaths.Knowledge, "eval", file)).Where(l => l.Trim().Length > 0))
            {
                using var json = JsonDocument.Parse(line);
                data.Add(json.RootElement.GetProperty("question").GetString()!);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EvalQuestions))]
    public void Screening_OrdinaryCareerQuestion_IsNeitherAPrivacyNorAnAttackRequest(string question)
    {
        Assert.False(PersonalDataRequest.IsMatch(question), "privacy: " + question);
        Assert.False(AttackRequest.IsMatch(question), "attack: " + question);
    }
}
