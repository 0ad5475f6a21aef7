using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies;

namespace CoachBot.Coaching.Challenges;

/// <summary><c>/challenge submit text-or-link</c>: saves or edits the member's submission; with no text, opens a form.</summary>
public sealed class SubmitChallengeSubcommand(ChallengeSubmissions submissions) : IChallengeSubcommand
{
    public string Name => ChallengeCommandDefinition.Submit;

    public Task<IReadOnlyList<Reply>> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return submissions.SubmitAsync(request.Context, request.Option("text"), formChallengeId: null, cancellationToken);
    }
}
