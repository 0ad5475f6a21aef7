namespace CoachBot.Testing.StandIns;

/// <summary>
/// <c>/export</c>: a private reply carrying a small JSON file (like <c>/mydata export</c>), so adapter tests check how a
/// non-image file reaches the member alone without the storage features (the real export is covered in the host tests).
/// </summary>
public sealed class ExportStandInCommand : ICommandHandler
{
    public const string FileName = "coachbot-data-20261204-140000.json";
    public const string AltText = "Everything the coach stores about you, as JSON";

    public static readonly byte[] Json = "{\"tables\":{\"QuizAnswers\":[{\"Skill\":\"databases\"}]}}"u8.ToArray();

    public CommandDefinition Definition { get; } = new("export", "A reply with a JSON file attached");

    public ReplyVisibility FirstReplyVisibility(CommandRequest request) => ReplyVisibility.Ephemeral;

    public Task<IReadOnlyList<Reply>> HandleAsync(CommandRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(Reply.One(new Reply
        {
            Title = "Your data",
            Text = "Here is everything the coach stores about you (1 record), as a JSON file.",
            Visibility = ReplyVisibility.Ephemeral,
            Attachments = [new ReplyAttachment(FileName, "application/json", Json, AltText)],
        }));
}
