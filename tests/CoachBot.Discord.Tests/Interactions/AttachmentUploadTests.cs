namespace CoachBot.Discord.Tests.Interactions;

public sealed class AttachmentUploadTests
{
    [Fact]
    public async Task A_reply_attachment_is_uploaded_as_files_0_with_its_alt_text_on_the_private_answer()
    {
        await using var test = await DiscordTestHost.StartAsync(
            configureServices: services => services.AddSingleton<ICommandHandler, ChartStandInCommand>());

        await test.Server.SendInteractionAsync(FakeDiscordEvents.SlashCommand("chart"));

        var callback = await test.Server.WaitForRequestAsync(r => r.Path.EndsWith("/callback", StringComparison.Ordinal), "the deferred callback");
        Assert.Equal(64, callback.Body!["data"]!["flags"]!.GetValue<int>());
        var edit = await test.Server.WaitForRequestAsync(r => r.Method == "PATCH" && r.Path.EndsWith("/messages/@original", StringComparison.Ordinal), "the answer with the chart");
        Assert.Equal(200, edit.Status);
        Assert.StartsWith("multipart/form-data", edit.Header("Content-Type"), StringComparison.Ordinal);
        var file = Assert.Single(edit.Files);
        Assert.Equal(("files[0]", "progress.png", "image/png"), (file.Field, file.FileName, file.ContentType));
        Assert.Equal(ChartStandInCommand.Png, file.Content);
        var slot = Assert.Single(edit.Body!["attachments"]!.AsArray())!;
        Assert.Equal(0, slot["id"]!.GetValue<int>());
        Assert.Equal("progress.png", slot["filename"]!.GetValue<string>());
        Assert.Equal(ChartStandInCommand.AltText, slot["description"]!.GetValue<string>());
        Assert.Contains("75% (4 answers)", edit.Content, StringComparison.Ordinal);
        Assert.Equal("""{"parse":[],"replied_user":false}""", edit.Body!["allowed_mentions"]!.ToJsonString());
    }

    [Fact]
    public void A_reply_without_attachments_sends_no_files_and_no_attachments_field()
    {
        var message = Assert.Single(DiscordReplyRenderer.Render(Reply.Public("hello"), ephemeral: false));

        Assert.Empty(message.Files);
        Assert.Null(message.Attachments);
    }
}
