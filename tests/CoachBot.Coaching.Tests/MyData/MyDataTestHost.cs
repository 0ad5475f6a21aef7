using CoachBot.Storage.Feedback;
using CoachBot.Coaching.MyData;
using CoachBot.Storage.Inbound;
using CoachBot.Storage.MemberData;

namespace CoachBot.Coaching.Tests.MyData;

/// <summary>
/// The /mydata feature behind the real dispatcher on a SQLite file, plus a seeder that writes one row of every kind the
/// coach keeps about a member (quiz, interview, challenge, community, audit, inbox, question log and vote), the way the
/// features store them.
/// </summary>
public sealed class MyDataTestHost : IAsyncDisposable
{
    private readonly FeatureTestHost _host;

    private MyDataTestHost(FeatureTestHost host) => _host = host;

    public FakeTimeProvider Time => _host.Time!;

    public IDbContextFactory<CoachBotDbContext> Contexts => _host.Get<IDbContextFactory<CoachBotDbContext>>();

    public IMemberDataStore Store => _host.Get<IMemberDataStore>();

    public static async Task<MyDataTestHost> StartAsync() => new(await FeatureTestHost.Create()
        .WithClock(new FakeTimeProvider(FeatureTestHost.DefaultStart))
        .AddFeatures(services => services.AddKnowledge())
        .WithSqliteStorage()
        .AddFeatures(services => services.AddMyDataFeature())
        .StartAsync());

    public static CommandContext Context(UserIdentity user) => new()
    {
        User = user,
        Conversation = new ConversationKey(user.Platform, "g1", "c1"),
    };

    public async Task<Reply> CommandAsync(UserIdentity user, string subcommand) =>
        Assert.Single(await _host.Dispatcher.DispatchAsync(
            new CommandRequest(Context(user), MyDataCommand.Name, subcommand, new Dictionary<string, string>()), CancellationToken.None));

    public async Task<Reply> ClickAsync(UserIdentity user, string buttonId) =>
        Assert.Single(await _host.Dispatcher.DispatchAsync(new ButtonRequest(Context(user), buttonId), CancellationToken.None));

    /// <summary>One of everything for <paramref name="user"/>; <paramref name="tag"/> keeps ids unique per member.</summary>
    public async Task SeedAsync(UserIdentity user, string tag)
    {
        var now = Time.GetUtcNow();
        var community = "discord:g1";
        await using var db = await Contexts.CreateDbContextAsync();
        var quiz = new QuizSession
        {
            Id = "quiz" + tag, CommunityKey = community, ConversationKey = "discord:g1/c1", UserKey = user.Key, Skill = "databases",
            QuestionIds = "databases-sql-meaning", QuestionCount = 1, CurrentIndex = 1, CorrectCount = 0,
            Status = QuizSessionStatus.Completed, StartedAt = now, LastActivityAt = now, EndedAt = now,
        };
        quiz.Answers.Add(new QuizAnswer
        {
            QuestionIndex = 0, QuestionId = "databases-sql-meaning", Skill = "databases",
            Reference = "backend-core-skills#databases-and-query-languages", ChosenOption = 1, IsCorrect = false,
            UserKey = user.Key, CommunityKey = community, AnsweredAt = now,
        });
        var interview = new InterviewSessionRecord
        {
            Id = "interview" + tag, CommunityKey = community, ChannelKey = "discord:g1/c1", UserKey = user.Key, Level = "junior",
            Track = "databases", QuestionIds = "q1", QuestionCount = 1, CurrentIndex = 1, Status = InterviewSessionStatus.Completed,
            StartedAt = now, LastActivityAt = now, EndedAt = now, AverageScore = 3, LevelEstimate = "junior",
        };
        interview.Answers.Add(new InterviewAnswerRecord
        {
            QuestionIndex = 0, QuestionId = "q1", Outcome = InterviewAnswerOutcome.Scored, Score = 3,
            Strengths = "clear", MissingPoints = "indexes", FeedbackSource = "offline", AnsweredAt = now,
        });
        var challenge = new Challenge
        {
            CommunityKey = community, Platform = ChatPlatform.Discord, CommunityId = "g1", ChannelId = "c1", Title = "T " + tag,
            Brief = "B", PostedBy = user.Key, PostedAt = now, DueAt = now.AddDays(7),
        };
        db.AddRange(quiz, interview, challenge);
        db.Add(new CommunityMember
        {
            Platform = "discord", CommunityKey = community, UserId = user.UserId, UserKey = user.Key,
            DisplayName = user.DisplayName, FirstSeenAt = now, LastSeenAt = now,
        });
        db.Add(new ModeratorAuditEntry { CommunityKey = community, ActorKey = user.Key, ActorName = user.DisplayName, Action = "challenge.post", Details = "d", At = now });
        db.Add(new InboundDeliveryRecord
        {
            Platform = "discord", DeliveryKey = "delivery" + tag, Kind = "interaction",
            Payload = "{\"member\":{\"user\":{\"id\":\"" + user.UserId + "\"}}}", ReceivedAt = now, UsefulUntil = now.AddHours(1),
            Status = InboundDeliveryStatus.Completed, Attempts = 1,
        });
        var question = new AnswerRecord
        {
            Id = ("q" + tag + "0000000000000000")[..AnswerRecord.IdLength], CommunityKey = community, ConversationKey = "discord:g1/c1",
            AskerKey = user.Key, Question = "what is an index? " + tag, Decision = QuestionDecision.Partly, AnsweredAt = now,
        };
        db.Add(question);
        await db.SaveChangesAsync();
        db.Add(new AnswerVote { AnswerId = question.Id, CommunityKey = community, VoterKey = user.Key, Vote = FeedbackVote.Down, VotedAt = now });
        db.Add(new ChallengeSubmission { ChallengeId = challenge.Id, UserKey = user.Key, DisplayName = user.DisplayName, Content = "my answer", SubmittedAt = now, UpdatedAt = now });
        db.Add(new ChallengeWinner { ChallengeId = challenge.Id, CommunityKey = community, UserKey = user.Key, DisplayName = user.DisplayName, AwardedAt = now });
        await db.SaveChangesAsync();
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
