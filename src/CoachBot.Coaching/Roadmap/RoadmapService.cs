using CoachBot.Coaching.Competency;
using CoachBot.Coaching.Interview.Bank;
using CoachBot.Core.Conversations;
using CoachBot.Core.Replies;

namespace CoachBot.Coaching.Roadmap;

/// <summary><c>/roadmap</c>: the member's competency map and the guides' stages into 3–5 cited steps, weakest first.</summary>
public sealed class RoadmapService(ICompetencyMap competencies, RoadmapPlanner planner, LlmRoadmapPhraser phraser)
{
    public async Task<Reply> RoadmapAsync(CommandContext context, InterviewLevel? target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var map = await competencies.ForMemberAsync(context.Conversation.CommunityKey, context.User.Key, cancellationToken);
        var plan = planner.Plan(map, target);
        var phrased = await phraser.PhraseAsync(plan, cancellationToken);
        var text = phrased ?? RoadmapText.Heading(plan) + "\n" + RoadmapText.Steps(plan);
        if (map.IsEmpty)
        {
            text += "\n\nYou haven't answered any quiz questions yet, so this follows the guides' order; a quiz or two makes it yours.";
        }

        return new Reply
        {
            Title = "Your roadmap",
            Text = text,
            Sources = plan.Steps.Select(s => s.Section.ToCitation()).Distinct().ToList(),
            Visibility = ReplyVisibility.Ephemeral,
            Footer = phrased is not null
                ? "Worded by the AI model from your progress and the guide sections cited; the steps and their order are computed."
                : phraser.IsConfigured ? "The AI model gave no usable answer, so this is the plain plan computed from your progress and the guides." : null,
        };
    }
}
