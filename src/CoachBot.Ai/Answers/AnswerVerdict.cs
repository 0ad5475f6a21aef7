namespace CoachBot.Ai.Answers;

/// <summary>What the coach decided about a question.</summary>
public enum AnswerVerdict
{
    /// <summary>The guides answer it.</summary>
    Answered,

    /// <summary>The guides answer part of it; the reply says first what they lack.</summary>
    PartlyAnswered,

    /// <summary>The guides don't cover it; the reply says so instead of quoting loosely related text.</summary>
    NotCovered,

    /// <summary>A request for someone's personal data.</summary>
    PrivacyRefused,

    /// <summary>A request to attack someone or something (break into an account, build a phishing page…).</summary>
    HarmRefused,

    /// <summary>Declined for another reason: an empty question, or nothing left after an injection attempt.</summary>
    Declined,
}
