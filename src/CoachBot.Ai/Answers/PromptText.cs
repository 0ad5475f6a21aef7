using System.Text;
using CoachBot.Core.Conversations.Memory;
using CoachBot.Core.Safety;
using CoachBot.Knowledge.Retrieval;

namespace CoachBot.Ai.Answers;

/// <summary>Formats passages and conversation history as the text the prompt templates insert.</summary>
public static class PromptText
{
    private const int MaxHistoryAnswerLength = 400;

    /// <summary>"[P1] Guide › Section" then the passage text, for each passage, numbered from 1.</summary>
    public static string Passages(IReadOnlyList<ScoredPassage> passages)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var text = new StringBuilder();
        for (var i = 0; i < passages.Count; i++)
        {
            var passage = passages[i].Passage;
            if (i > 0)
            {
                text.Append("\n\n");
            }

            text.Append("[P").Append(i + 1).Append("] ").Append(passage.ToCitation().Display).Append('\n').Append(passage.Text.Trim());
        }

        return text.ToString();
    }

    /// <summary>"Q: …" / "A: …" lines, oldest first; answers shortened.</summary>
    public static string History(IReadOnlyList<ConversationTurn> turns)
    {
        ArgumentNullException.ThrowIfNull(turns);
        if (turns.Count == 0)
        {
            return "(none)";
        }

        var text = new StringBuilder();
        foreach (var turn in turns)
        {
            var answer = InputText.Truncate(turn.Answer.Replace('\n', ' '), MaxHistoryAnswerLength);
            text.Append("Q: ").Append(turn.Question).Append('\n').Append("A: ").Append(answer).Append('\n');
        }

        return text.ToString().TrimEnd();
    }
}
