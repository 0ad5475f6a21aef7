namespace CoachBot.Coaching.Interview.Bank;

/// <summary>Seniority a question (and an interview) is pitched at, lowest first.</summary>
public enum InterviewLevel
{
    Junior,
    Mid,
    Senior,
    Lead,
}
