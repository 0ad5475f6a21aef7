using CoachBot.Core.Commands;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Replies;

namespace CoachBot.Coaching.Review;

/// <summary><c>/review [count]</c>: asks the quiz questions and interview points you missed, as they fall due.</summary>
public sealed class ReviewCommand(ReviewService reviews) : ICommandHandler
{
    public const string CountOption = "count";
    public const int DefaultCount = 5;
    public const int MaxCount = 20;

    public CommandDefinition Definition { get; } = new("review", "Review what you missed in quizzes and interviews, when it is due")
    {
        Options =
        [
            new CommandOption(CountOption, "How many due items to ask (1 to 20, default 5)", CommandOptionType.Number)
            {
                MinValue = 1,
                MaxValue = MaxCount,
            },
        ],
        Examples = ["/review", "/review 10"],
    };

    /// <summary>What you missed is personal: always for the caller only.</summary>
    public ReplyVisibility FirstReplyVisibility(CommandRequest request) => ReplyVisibility.Ephemeral;

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var countText = request.Option(CountOption);
        var count = request.IntOption(CountOption);
        if (countText is not null && count is not (>= 1 and <= MaxCount))
        {
            return Reply.One(Reply.Ephemeral("`count` must be a whole number from 1 to 20, e.g. `/review 5`."));
        }

        return Reply.One(await reviews.StartAsync(request.Context, count ?? DefaultCount, cancellationToken));
    }
}
