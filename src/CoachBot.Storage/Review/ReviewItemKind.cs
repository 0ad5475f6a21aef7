namespace CoachBot.Storage.Review;

/// <summary>What a review item asks.</summary>
public enum ReviewItemKind
{
    /// <summary>A quiz question the member missed, asked again with the quiz's answer buttons.</summary>
    QuizQuestion,

    /// <summary>An interview rubric point the LLM graded as missed: the member recalls it and grades themself.</summary>
    Flashcard,
}
