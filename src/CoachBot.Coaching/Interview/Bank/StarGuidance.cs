namespace CoachBot.Coaching.Interview.Bank;

/// <summary>What each part of a STAR answer (Situation, Task, Action, Result) should say for a behavioral question.</summary>
public sealed record StarGuidance(string Situation, string Task, string Action, string Result);
