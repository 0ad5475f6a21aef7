using System.Globalization;
using CoachBot.Core.Commands;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies;

namespace CoachBot.Coaching.Challenges;

/// <summary>
/// The submission form (<c>challenge:submit:&lt;challengeId&gt;</c>). The id is untrusted: it must name the community's
/// open challenge, and the submission is stored under the caller, whoever opened the form.
/// </summary>
public sealed class ChallengeSubmitFormHandler(ChallengeSubmissions submissions) : IFormHandler
{
    public string Feature => ChallengeSubmissions.FormFeature;

    public Task<IReadOnlyList<Reply>> HandleAsync(FormSubmitRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ButtonId.TryParse(request.FormId, out var id)
            || id.Part(0) != "submit"
            || !long.TryParse(id.Part(1), NumberStyles.None, CultureInfo.InvariantCulture, out var challengeId))
        {
            return Task.FromResult(Reply.One(Reply.Ephemeral("That form isn't one I recognise. Nothing was saved.")));
        }

        var text = request.Fields.TryGetValue(ChallengeSubmissions.TextField, out var value) ? value : null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return Task.FromResult(Reply.One(Reply.Ephemeral("The submission was empty, so nothing was saved.")));
        }

        return submissions.SubmitAsync(request.Context, text, challengeId, cancellationToken);
    }
}
