namespace CoachBot.Coaching.Tests.Interview;

/// <summary><c>/interview</c> without a track offers the tracks as buttons, privately; a click starts that interview.</summary>
public sealed class InterviewPickerTests(InterviewHostFixture fixture) : IClassFixture<InterviewHostFixture>
{
    private readonly string _channel = "C" + Guid.NewGuid().ToString("N")[..10];

    private InterviewHost Host => fixture.Host;

    private CommandContext Me(string user = "U1") => InterviewHost.Context(user, _channel);

    [Theory]
    [InlineData("/interview")]
    [InlineData("/interview senior")]
    [InlineData("/interview start level:mid questions:4")]
    public async Task Interview_WithoutATrack_OffersEveryTrackAndMixed_ToTheCallerOnly(string line)
    {
        var reply = Assert.Single(await Host.CommandAsync(Me(), line));

        Assert.Equal(ReplyVisibility.Ephemeral, reply.Visibility);
        Assert.Equal(InterviewTracks.All.Count + 1, reply.Buttons.Count);
        Assert.Contains(reply.Buttons, b => b.Label == "System design");
        Assert.Equal("Mixed topics", reply.Buttons[^1].Label);
        Assert.Null(await Host.ActiveAsync(Me()));
    }

    [Fact]
    public async Task InterviewCommand_WithoutATrack_DeclaresAPrivateFirstReply()
    {
        var screen = (string line) => Host.Dispatcher.ScreenAsync(TextCommandParser.ParseLine(Me(), Host.Dispatcher.Catalog, line).Request!, CancellationToken.None);

        Assert.Equal(ReplyVisibility.Ephemeral, (await screen("/interview junior")).FirstReplyVisibility);
        Assert.Equal(ReplyVisibility.Public, (await screen("/interview junior databases")).FirstReplyVisibility);
        Assert.Equal(ReplyVisibility.Public, (await screen("/interview skip")).FirstReplyVisibility);
    }

    [Fact]
    public async Task PickingATrack_ClosesThePicker_AndStartsThatInterviewWithTheGivenLevelAndCount()
    {
        var me = Me();
        var picker = Assert.Single(await Host.CommandAsync(me, "/interview start level:senior questions:4"));
        var apis = picker.Buttons.Single(b => b.Label == "APIs");

        var replies = await Host.Dispatcher.DispatchAsync(new ButtonRequest(me, apis.Id), CancellationToken.None);

        Assert.Equal((ReplyVisibility.Ephemeral, ReplyPlacement.UpdateSource), (replies[0].Visibility, replies[0].Placement));
        Assert.Equal(ReplyVisibility.Public, replies[1].Visibility);
        Assert.Contains("Question 1/4", replies[1].Title, StringComparison.Ordinal);
        var session = await Host.ActiveAsync(me);
        Assert.Equal(("senior", "apis", 4), (session!.Level, session.Track, session.QuestionCount));
    }

    [Theory]
    [InlineData("interview:pick:apis:default:0:0000000000")]
    [InlineData("interview:pick:knitting:default:0:{owner}")]
    [InlineData("interview:pick:apis:wizard:0:{owner}")]
    [InlineData("interview:pick:apis:default:99:{owner}")]
    [InlineData("interview:start:apis")]
    public async Task ForgedOrSomeoneElsesTrackButtons_AreRefusedPrivately_AndStartNothing(string forged)
    {
        var me = Me();
        var id = forged.Replace("{owner}", ButtonOwner.Tag(me.User), StringComparison.Ordinal);

        var reply = Assert.Single(await Host.Dispatcher.DispatchAsync(new ButtonRequest(me, id), CancellationToken.None));

        Assert.Equal(ReplyVisibility.Ephemeral, reply.Visibility);
        Assert.Null(await Host.ActiveAsync(me));
    }
}
