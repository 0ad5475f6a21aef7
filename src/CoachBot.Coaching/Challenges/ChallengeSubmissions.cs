using System.Globalization;
using CoachBot.Core.Commands;
using CoachBot.Core.Conversations;
using CoachBot.Core.Replies;
using CoachBot.Storage.Challenges;

namespace CoachBot.Coaching.Challenges;

/// <summary>
/// The submission rules, shared by <c>/challenge submit</c> and the submission form: one submission per member, a
/// second one replaces the first, and nothing is accepted once the challenge is due or closed.
/// </summary>
public sealed class ChallengeSubmissions(IChallengeStore store, TimeProvider time, Storage.Community.CommunityMembership? membership = null)
{
    public const string FormFeature = "challenge";
    public const string TextField = "text";

    public async Task<IReadOnlyList<Reply>> SubmitAsync(CommandContext context, string? text, long? formChallengeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = time.GetUtcNow();
        var open = await store.FindOpenAsync(context.Conversation.CommunityKey, cancellationToken);
        if (open is null || (formChallengeId is { } id && id != open.Id))
        {
            return Reply.One(Reply.Ephemeral(formChallengeId is null
                ? "There's no open challenge right now, so there is nothing to submit to. `/challenge current` shows when the next one is due."
                : "That challenge is no longer open, so your answer wasn't saved. `/challenge current` shows the open one."));
        }

        if (now >= open.DueAt)
        {
            return Reply.One(Reply.Ephemeral(
                $"Sorry, submissions for “{open.Title}” closed at {ChallengeText.When(open.DueAt)}, so this one is too late."));
        }

        var existing = await store.FindSubmissionAsync(open.Id, context.User.Key, cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return Reply.One(FormFor(open, existing));
        }

        if (text.Length > ChallengeLimits.SubmissionLength)
        {
            return Reply.One(Reply.Ephemeral(string.Create(CultureInfo.InvariantCulture,
                $"Your submission is longer than {ChallengeLimits.SubmissionLength} characters. Shorten it, or share a link to it.")));
        }

        var name = Storage.Community.SafeDisplayName.From(context.User.DisplayName);
        var result = await store.SaveSubmissionAsync(open.Id, context.User.Key, name, text, now, cancellationToken);
        if (membership is not null)
        {
            await membership.NoteAsync(context.User, context.Conversation, cancellationToken);
        }

        var until = $"until {ChallengeText.When(open.DueAt)} ({ChallengeText.Until(open.DueAt, now)})";
        return Reply.One(Reply.Ephemeral(result == SubmissionSaveResult.Created
            ? $"Thanks, your submission to “{open.Title}” is in. You can change it with `/challenge submit` {until}."
            : $"Updated your submission to “{open.Title}” (it replaces the earlier one). You can keep editing it {until}."));
    }

    private static Reply FormFor(Challenge open, ChallengeSubmission? existing) => new()
    {
        Text = "Write your submission in the form.",
        Visibility = ReplyVisibility.Ephemeral,
        Form = new FormRequest(
            ButtonId.Create(FormFeature, "submit", open.Id.ToString(CultureInfo.InvariantCulture)),
            "Your challenge submission",
            [
                new FormField(TextField, "Your answer, or a link to it", Multiline: true, Required: true, MaxLength: ChallengeLimits.SubmissionLength)
                {
                    Placeholder = "Explain your approach, or paste a link to your repo/gist.",
                    InitialValue = existing?.Content,
                },
            ],
            "Type `/challenge submit <your answer or a link>` to submit."),
    };
}
