using CoachBot.Coaching.Feedback;
using CoachBot.Storage.Feedback;

namespace CoachBot.Coaching.Tests.Feedback;

/// <summary>
/// Ask and feedback on a <see cref="FeatureTestHost"/> as the host wires them (repository knowledge, SQLite storage,
/// no model: offline answers), with a fake clock; everything goes through the real dispatcher.
/// </summary>
public sealed class FeedbackHost : IAsyncDisposable
{
    public const string Question = "which database should I learn, mysql or postgres?";

    private readonly FeatureTestHost _host;

    private FeedbackHost(FeatureTestHost host, FakeTimeProvider time)
    {
        _host = host;
        Time = time;
    }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => _host.Services;

    public CoachDispatcher Dispatcher => _host.Dispatcher;

    public IAnswerFeedbackStore Store => Services.GetRequiredService<IAnswerFeedbackStore>();

    public static async Task<FeedbackHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var host = await FeatureTestHost.Create()
            .WithClock(time)
            .WithRepositoryContent()
            .WithSettings(settings)
            .WithSqliteStorage()
            .AddFeatures(services =>
            {
                services.AddKnowledge();
                services.AddAskFeature();
                services.AddFeedbackFeature();
            })
            .StartAsync();
        return new FeedbackHost(host, time);
    }

    public static CommandContext Member(string user = "42", string community = "guild-1", bool moderator = false) => new()
    {
        User = new UserIdentity(ChatPlatform.Discord, user, "Member " + user),
        Conversation = new ConversationKey(ChatPlatform.Discord, community, "channel-1"),
        IsModerator = moderator,
    };

    public Task<IReadOnlyList<Reply>> AskAsync(CommandContext context, string question = Question) =>
        Dispatcher.DispatchAsync(new CommandRequest(context, "ask", null, new Dictionary<string, string> { ["question"] = question }), CancellationToken.None);

    /// <summary>Asks and returns the answer's feedback (the answer must carry one).</summary>
    public async Task<ReplyFeedback> AnswerAsync(CommandContext context, string question = Question)
    {
        var reply = Assert.Single(await AskAsync(context, question));
        return Assert.IsType<ReplyFeedback>(reply.Feedback);
    }

    public Task<IReadOnlyList<Reply>> ClickAsync(CommandContext context, string buttonId) =>
        Dispatcher.DispatchAsync(new ButtonRequest(context, buttonId), CancellationToken.None);

    public Task<IReadOnlyList<Reply>> SubmitAsync(CommandContext context, string formId, string text) =>
        Dispatcher.DispatchAsync(new FormSubmitRequest(context, formId, new Dictionary<string, string> { [FeedbackIds.WhatField] = text }), CancellationToken.None);

    public Task<IReadOnlyList<Reply>> FeedbackCommandAsync(CommandContext context, string subcommand, string? note = null) =>
        Dispatcher.DispatchAsync(
            new CommandRequest(context, FeedbackCommand.Name, subcommand, note is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [FeedbackCommand.NoteOption] = note }),
            CancellationToken.None);

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
