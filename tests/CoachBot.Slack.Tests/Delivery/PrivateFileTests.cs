namespace CoachBot.Slack.Tests.Delivery;

/// <summary>
/// A reply's non-image file (the data export) reaches the member alone: Slack files cannot be ephemeral, so it is
/// uploaded and shared only in the bot's DM with the member (conversations.open → files.completeUploadExternal with
/// that channel_id), and the private reply says where it went, or why it could not go.
/// </summary>
public sealed class PrivateFileTests
{
    [Fact]
    public async Task A_private_reply_with_a_json_file_shares_it_only_in_the_members_direct_message_and_says_so()
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync(
            configureServices: services => services.AddSingleton<ICommandHandler, ExportStandInCommand>());
        var fake = harness.Fake;

        await fake.SendEnvelopeAsync("slash_commands", FakeSlackPayloads.SlashCommand("/export", "", "U222", "C111", fake.CreateResponseUrl()));
        var post = await fake.WaitForResponsePostAsync(p => p.AllText.Contains("JSON file", StringComparison.Ordinal));

        Assert.Equal("ephemeral", post.ResponseType);
        Assert.Contains("direct messages", post.AllText, StringComparison.Ordinal);
        Assert.Contains(ExportStandInCommand.FileName, post.AllText, StringComparison.Ordinal);
        Assert.Equal("U222", Assert.Single(fake.Calls, c => c.Method == "conversations.open").Field("users"));
        var complete = Assert.Single(fake.Calls, c => c.Method == "files.completeUploadExternal");
        Assert.True(complete.Ok);
        var dm = FakeSlackServer.DirectMessageChannelOf("U222");
        Assert.Equal(dm, complete.Field("channel_id"));
        Assert.Null(complete.Field("channels"));

        var file = Assert.Single(fake.Files.Values);
        Assert.Equal(ExportStandInCommand.FileName, file.FileName);
        Assert.Equal(ExportStandInCommand.Json, file.Content);
        Assert.Equal([dm], file.SharedTo);
        var share = Assert.Single(fake.Messages, m => m.FileIds.Contains(file.Id));
        Assert.Equal(dm, share.Channel);
        Assert.Null(share.EphemeralUser);

        // Nothing public: no message in the channel, no file shared anywhere else.
        Assert.DoesNotContain(fake.Messages, m => m.Channel == "C111");
        Assert.DoesNotContain(fake.ResponsePosts, p => p.ResponseType == "in_channel");
    }

    [Fact]
    public async Task When_the_member_cannot_get_direct_messages_the_file_is_shared_nowhere_and_the_reply_says_why()
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync(
            configureServices: services => services.AddSingleton<ICommandHandler, ExportStandInCommand>());
        var fake = harness.Fake;
        fake.RefuseDirectMessages("U222", "messages_tab_disabled");

        await fake.SendEnvelopeAsync("slash_commands", FakeSlackPayloads.SlashCommand("/export", "", "U222", "C111", fake.CreateResponseUrl()));
        var post = await fake.WaitForResponsePostAsync(p => p.AllText.Contains("JSON file", StringComparison.Ordinal));

        Assert.Equal("ephemeral", post.ResponseType);
        Assert.Contains("couldn't send you the file", post.AllText, StringComparison.Ordinal);
        Assert.Contains("messages_tab_disabled", post.AllText, StringComparison.Ordinal);
        Assert.Empty(fake.Files);
        Assert.Empty(fake.CallsTo("files.completeUploadExternal"));
        Assert.DoesNotContain(fake.Messages, m => m.FileIds.Count > 0);
    }
}
