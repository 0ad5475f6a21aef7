namespace CoachBot.Discord.Tests.Interactions;

/// <summary>Forms: a deferred interaction can't show a modal, so the reply offers a button whose click opens it.</summary>
public sealed class FormTests
{
    [Fact]
    public async Task ReplyWithForm_OffersAButton_WhoseClickOpensTheModal_AndTheSubmissionReachesTheFeature()
    {
        await using var test = await DiscordTestHost.StartAsync();
        var command = await test.Server.SendInteractionAsync(FakeDiscordEvents.SlashCommand("submit"));
        var offer = await test.Server.WaitForRequestAsync(r => r.Method == "POST" && r.Path.Contains(command.Token, StringComparison.Ordinal) && r.Path.Contains("/webhooks/", StringComparison.Ordinal), "the form offer");
        var button = offer.Body!["components"]![0]!["components"]![0]!;
        Assert.Equal("Open: Your submission", button["label"]!.GetValue<string>());
        Assert.Equal(64, offer.Body!["flags"]!.GetValue<int>());

        var click = await test.Server.SendInteractionAsync(FakeDiscordEvents.ButtonClick(button["custom_id"]!.GetValue<string>()));
        // Wait for the recorded callback, not the interaction's state: the fake updates the state a moment before it
        // records the request.
        var callback = await test.Server.WaitForRequestAsync(r => r.Method == "POST" && r.Path.Contains($"/interactions/{click.Id}/", StringComparison.Ordinal), "the modal");

        Assert.Equal(9, click.CallbackType);
        Assert.Single(test.Server.RequestsTo("POST", $"/interactions/{click.Id}/"));
        var modal = callback.Body!["data"]!;
        Assert.Equal("sub:1", modal["custom_id"]!.GetValue<string>());
        Assert.Equal("Your submission", modal["title"]!.GetValue<string>());
        var input = modal["components"]![0]!;
        Assert.Equal(18, input["type"]!.GetValue<int>());
        Assert.Equal(4, input["component"]!["type"]!.GetValue<int>());
        Assert.Equal(2, input["component"]!["style"]!.GetValue<int>());
        Assert.Equal("answer", input["component"]!["custom_id"]!.GetValue<string>());

        var submit = await test.Server.SendInteractionAsync(FakeDiscordEvents.ModalSubmit("sub:1", new Dictionary<string, string> { ["answer"] = "Use an index" }));
        var result = await test.Server.WaitForRequestAsync(r => r.Method == "POST" && r.Path.Contains(submit.Token, StringComparison.Ordinal) && r.Path.Contains("/webhooks/", StringComparison.Ordinal), "the private submission result");
        Assert.Equal("Got: Use an index", result.Content);
        Assert.Equal(64, result.Body!["flags"]!.GetValue<int>());
    }

    [Fact]
    public async Task FormButton_ClickedBySomeoneElse_GetsAnEphemeralExplanation()
    {
        await using var test = await DiscordTestHost.StartAsync();
        var command = await test.Server.SendInteractionAsync(FakeDiscordEvents.SlashCommand("submit"));
        var offer = await test.Server.WaitForRequestAsync(r => r.Method == "POST" && r.Path.Contains(command.Token, StringComparison.Ordinal) && r.Path.Contains("/webhooks/", StringComparison.Ordinal), "the form offer");
        var id = offer.Body!["components"]![0]!["components"]![0]!["custom_id"]!.GetValue<string>();

        var click = await test.Server.SendInteractionAsync(FakeDiscordEvents.ButtonClick(id, userId: FakeDiscordEvents.OtherUserId));
        var callback = await test.Server.WaitForRequestAsync(r => r.Method == "POST" && r.Path.Contains($"/interactions/{click.Id}/", StringComparison.Ordinal), "the answer to the click");

        Assert.Equal(4, click.CallbackType);
        Assert.Single(test.Server.RequestsTo("POST", $"/interactions/{click.Id}/"));
        var body = callback.Body!;
        Assert.Equal(64, body["data"]!["flags"]!.GetValue<int>());
        Assert.Contains("isn't available", body["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
