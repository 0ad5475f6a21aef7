namespace CoachBot.Testing.StandIns;

/// <summary>
/// <c>/chart</c>: a private reply carrying a small PNG attachment, so adapter tests check file uploads without the
/// coaching features (the real <c>/progress</c> chart is covered in the coaching and host tests).
/// </summary>
public sealed class ChartStandInCommand : ICommandHandler
{
    public const string AltText = "Bar chart of your level per skill: Databases 75%.";

    /// <summary>A valid 1×1 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    public CommandDefinition Definition { get; } = new("chart", "A reply with a chart attached");

    public ReplyVisibility FirstReplyVisibility(CommandRequest request) => ReplyVisibility.Ephemeral;

    public Task<IReadOnlyList<Reply>> HandleAsync(CommandRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(Reply.One(new Reply
        {
            Title = "Your progress",
            Text = "- **Databases**: 75% (4 answers)",
            Visibility = ReplyVisibility.Ephemeral,
            Attachments = [new ReplyAttachment("progress.png", ReplyAttachment.Png, Png, AltText) { TextFallback = "Databases ███░ 75%" }],
        }));
}
