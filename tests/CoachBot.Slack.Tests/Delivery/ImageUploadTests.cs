namespace CoachBot.Slack.Tests.Delivery;

/// <summary>
/// A reply's image goes up through files.getUploadURLExternal → upload URL → files.completeUploadExternal, unshared
/// (Slack has no ephemeral files), and the private reply shows it with an image block naming the file.
/// </summary>
public sealed class ImageUploadTests
{
    [Fact]
    public async Task A_private_reply_with_a_chart_uploads_it_unshared_and_shows_it_in_an_image_block()
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync(
            configureServices: services => services.AddSingleton<ICommandHandler, ChartStandInCommand>());
        var fake = harness.Fake;

        await fake.SendEnvelopeAsync("slash_commands", FakeSlackPayloads.SlashCommand("/chart", "", "U222", "C111", fake.CreateResponseUrl()));
        var post = await fake.WaitForResponsePostAsync(p => p.Blocks.Any(b => (string?)b?["type"] == "image"));

        var ticket = Assert.Single(fake.Calls, c => c.Method == "files.getUploadURLExternal");
        Assert.True(ticket.Ok);
        Assert.Equal(("progress.png", ChartStandInCommand.Png.Length.ToString(CultureInfo.InvariantCulture), ChartStandInCommand.AltText),
            (ticket.Field("filename"), ticket.Field("length"), ticket.Field("alt_txt")));
        var complete = Assert.Single(fake.Calls, c => c.Method == "files.completeUploadExternal");
        Assert.True(complete.Ok);
        Assert.Null(complete.Field("channel_id"));
        Assert.Null(complete.Field("channels"));

        var file = Assert.Single(fake.Files.Values);
        Assert.True(file.Completed);
        Assert.Empty(file.SharedTo);
        Assert.Equal(ChartStandInCommand.Png, file.Content);

        Assert.Equal("ephemeral", post.ResponseType);
        var image = post.Blocks.Single(b => (string?)b?["type"] == "image")!;
        Assert.Equal(file.Id, (string?)image["slack_file"]?["id"]);
        Assert.Equal(ChartStandInCommand.AltText, (string?)image["alt_text"]);
        Assert.Contains("75% (4 answers)", post.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_files_write_scope_the_reply_still_arrives_with_its_figures_and_no_image()
    {
        var options = new FakeSlackOptions();
        options.BotScopes.Remove("files:write");
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync(
            fakeOptions: options,
            configureServices: services => services.AddSingleton<ICommandHandler, ChartStandInCommand>());
        var fake = harness.Fake;

        await fake.SendEnvelopeAsync("slash_commands", FakeSlackPayloads.SlashCommand("/chart", "", "U222", "C111", fake.CreateResponseUrl()));
        var post = await fake.WaitForResponsePostAsync(p => p.AllText.Contains("75%", StringComparison.Ordinal));

        Assert.Equal("missing_scope", Assert.Single(fake.Calls, c => c.Method == "files.getUploadURLExternal").Error);
        Assert.DoesNotContain(post.Blocks, b => (string?)b?["type"] == "image");
        Assert.Empty(fake.Files);
    }
    [Fact]
    public async Task A_chart_slack_still_processes_is_sent_again_and_shown_once_ready()
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync(
            settings: new() { ["Slack:ImageNotReadyRetryDelay"] = "00:00:00.01" },
            configureServices: services => services.AddSingleton<ICommandHandler, ChartStandInCommand>());
        var fake = harness.Fake;
        fake.KeepFilesProcessing(posts: 2);

        await fake.SendEnvelopeAsync("slash_commands", FakeSlackPayloads.SlashCommand("/chart", "", "U222", "C111", fake.CreateResponseUrl()));
        var post = await fake.WaitForResponsePostAsync(p => p.AllText.Contains("75%", StringComparison.Ordinal));

        Assert.Equal(2, fake.ProcessingRefusals);
        var image = Assert.Single(post.Blocks, b => (string?)b?["type"] == "image")!;
        Assert.Equal(Assert.Single(fake.Files.Values).Id, (string?)image["slack_file"]?["id"]);
        Assert.Single(fake.ResponsePosts);
    }

    [Fact]
    public async Task A_chart_slack_keeps_refusing_as_still_processing_goes_out_as_text_with_its_figures_after_the_retries()
    {
        await using var harness = await SlackAdapterHarness.StartSocketModeAsync(
            settings: new() { ["Slack:ImageNotReadyRetryDelay"] = "00:00:00.01", ["Slack:ImageNotReadyRetries"] = "3" },
            configureServices: services => services.AddSingleton<ICommandHandler, ChartStandInCommand>());
        var fake = harness.Fake;
        fake.KeepFilesProcessing(posts: 100);

        await fake.SendEnvelopeAsync("slash_commands", FakeSlackPayloads.SlashCommand("/chart", "", "U222", "C111", fake.CreateResponseUrl()));
        var post = await fake.WaitForResponsePostAsync(p => p.AllText.Contains("75%", StringComparison.Ordinal));

        Assert.Equal(4, fake.ProcessingRefusals); // the first post and 3 retries
        Assert.Equal("ephemeral", post.ResponseType);
        Assert.DoesNotContain(post.Blocks, b => (string?)b?["type"] == "image");
        Assert.Contains("75% (4 answers)", post.AllText, StringComparison.Ordinal);
        Assert.Single(fake.ResponsePosts);
    }
}
