namespace CoachBot.Discord.Tests.Interactions;

public sealed class InteractionTests
{
    [Fact]
    public async Task SlashCommand_IsAcknowledgedBeforeTheSlowHandlerFinishes_ThenOriginalIsEditedWithAnswerAndSources()
    {
        await using var test = await DiscordTestHost.StartAsync();
        test.Coach.CloseGate();

        var interaction = await test.Server.SendInteractionAsync(
            FakeDiscordEvents.SlashCommand("ask", [FakeDiscordEvents.Option("question", "What is an index?")]));
        var callback = await test.Server.WaitForRequestAsync(r => r.Path.EndsWith("/callback", StringComparison.Ordinal), "the deferred callback");
        Assert.True(await test.Coach.Started.WaitAsync(TimeSpan.FromSeconds(10)));
        var request = Assert.Single(test.Coach.Seen<CommandRequest>());

        Assert.Equal(5, callback.Body!["type"]!.GetValue<int>());
        Assert.True(test.Coach.Finished == 0, "the callback must not wait for the coach");
        Assert.Equal("What is an index?", request.Option("question"));
        Assert.Empty(test.Server.RequestsTo("PATCH", "@original"));

        test.Coach.OpenGate();
        var edit = await test.Server.WaitForRequestAsync(r => r.Method == "PATCH" && r.Path.EndsWith("/messages/@original", StringComparison.Ordinal), "the edited answer");

        Assert.Contains(interaction.Token, edit.Path, StringComparison.Ordinal);
        Assert.StartsWith("**Indexes**\nAnswer to: What is an index?", edit.Content, StringComparison.Ordinal);
        Assert.Contains("**Sources**\n[1] Databases › Indexes › B-trees", edit.Content, StringComparison.Ordinal);
        Assert.Contains("-# Answered from the guides", edit.Content, StringComparison.Ordinal);
        Assert.Equal("""{"parse":[],"replied_user":false}""", edit.Body!["allowed_mentions"]!.ToJsonString());
    }

    [Fact]
    public async Task SlashCommand_UserAndChannelOptions_ArriveAsIds_AndMentionsInTextAsPlainWords()
    {
        await using var test = await DiscordTestHost.StartAsync();

        await test.Server.SendInteractionAsync(FakeDiscordEvents.SlashCommand("ask",
        [
            FakeDiscordEvents.Option("question", "is <@42> right about <#77>?"),
            new System.Text.Json.Nodes.JsonObject { ["name"] = "who", ["type"] = 6, ["value"] = "42" },
            new System.Text.Json.Nodes.JsonObject { ["name"] = "where", ["type"] = 7, ["value"] = "77" },
        ]));

        Assert.True(await test.Coach.Started.WaitAsync(TimeSpan.FromSeconds(10)), "the ask stand-in was not reached");
        var request = Assert.Single(test.Coach.Seen<CommandRequest>());
        Assert.Equal("is @42 right about #77?", request.Option("question"));
        Assert.Equal(("42", "77"), (request.MentionedId("who"), request.MentionedId("where")));
        Assert.Null(request.MentionedId("question"));
    }

    [Fact]
    public async Task SlashCommand_ThreadPlacement_OpensAThreadFromTheAnswer()
    {
        await using var test = await DiscordTestHost.StartAsync();

        var interaction = await test.Server.SendInteractionAsync(
            FakeDiscordEvents.SlashCommand("ask", [FakeDiscordEvents.Option("question", "How do I start?")]));

        var thread = await test.Server.WaitForRequestAsync(r => r.Path.EndsWith("/threads", StringComparison.Ordinal), "the thread");
        Assert.Equal($"/api/v10/channels/{FakeDiscordEvents.ChannelId}/messages/{interaction.OriginalMessageId}/threads", thread.Path);
        Assert.Equal("Indexes", thread.Body!["name"]!.GetValue<string>());
        Assert.Equal(1440, thread.Body!["auto_archive_duration"]!.GetValue<int>());
    }

    [Fact]
    public async Task PrivateCommand_IsDeferredWithTheEphemeralFlag_ThenThePrivatePlaceholderIsEdited()
    {
        await using var test = await DiscordTestHost.StartAsync();

        var interaction = await test.Server.SendInteractionAsync(FakeDiscordEvents.SlashCommand("help"));

        var edit = await test.Server.WaitForRequestAsync(r => r.Method == "PATCH" && r.Path.Contains(interaction.Token, StringComparison.Ordinal), "the help");
        Assert.Equal(5, interaction.CallbackType);
        Assert.True(interaction.RespondedPrivately, "the placeholder must be ephemeral (flags 64)");
        Assert.Contains("How I can help", edit.Content, StringComparison.Ordinal);
        Assert.False(interaction.OriginalDeleted);
        Assert.Empty(test.Server.RequestsTo("POST", "/webhooks/"));
    }

    [Fact]
    public async Task PrivateReplyFoundAfterAPublicDeferral_DeletesThePlaceholderAndFollowsUpEphemerally()
    {
        await using var test = await DiscordTestHost.StartAsync();

        var interaction = await test.Server.SendInteractionAsync(FakeDiscordEvents.SlashCommand("submit"));

        var followup = await test.Server.WaitForRequestAsync(r => r.Method == "POST" && r.Path.Contains("/webhooks/", StringComparison.Ordinal) && r.Path.Contains(interaction.Token, StringComparison.Ordinal), "the follow-up");
        Assert.Equal(5, interaction.CallbackType);
        Assert.False(interaction.RespondedPrivately);
        Assert.Equal(64, followup.Body!["flags"]!.GetValue<int>());
        Assert.True(interaction.OriginalDeleted);
        Assert.Empty(test.Server.RequestsTo("PATCH", interaction.Token));
    }

    [Fact]
    public async Task QuizButtons_RenderedInRows_AndTheOwnersClickUpdatesTheMessageInPlace()
    {
        await using var test = await DiscordTestHost.StartAsync();
        await test.Server.SendInteractionAsync(FakeDiscordEvents.SlashCommand("quiz", [FakeDiscordEvents.Option("skill", "databases")]));
        var question = await test.Server.WaitForRequestAsync(r => r.Method == "PATCH", "the question");
        var buttons = question.Body!["components"]![0]!["components"]!.AsArray();
        var wrong = buttons[1]!["custom_id"]!.GetValue<string>();
        Assert.Equal(1, buttons[0]!["style"]!.GetValue<int>());
        Assert.Equal("Reads", buttons[0]!["label"]!.GetValue<string>());
        Assert.Equal(3, buttons.Count);

        var click = await test.Server.SendInteractionAsync(FakeDiscordEvents.ButtonClick(wrong));

        var update = await test.Server.WaitForRequestAsync(
            r => r.Method == "PATCH" && r.Path.Contains(click.Token, StringComparison.Ordinal), "the in-place update");
        Assert.Equal(6, click.CallbackType);
        Assert.Equal("Not quite: indexes speed up reads.", update.Content);
        // The reply carries no buttons, so the update takes the question's buttons away.
        Assert.Empty(update.Body!["components"]!.AsArray());
        Assert.Null(update.Body!["flags"]);
    }

    [Fact]
    public async Task ForgedButtonId_GetsAnEphemeralRefusal_AndChangesNothing()
    {
        await using var test = await DiscordTestHost.StartAsync();

        var click = await test.Server.SendInteractionAsync(FakeDiscordEvents.ButtonClick("quiz:s999:a"));

        var refusal = await test.Server.WaitForRequestAsync(r => r.Method == "POST" && r.Path.Contains(click.Token, StringComparison.Ordinal) && r.Path.Contains("/webhooks/", StringComparison.Ordinal), "the refusal");
        Assert.Equal(6, click.CallbackType);
        Assert.Equal(64, refusal.Body!["flags"]!.GetValue<int>());
        Assert.Equal(StandInQuizButtons.Ended, refusal.Content);
        Assert.Empty(test.Server.RequestsTo("PATCH", click.Token));
    }

    [Fact]
    public async Task AnotherMembersClick_GetsAnEphemeralRefusal()
    {
        await using var test = await DiscordTestHost.StartAsync();
        await test.Server.SendInteractionAsync(FakeDiscordEvents.SlashCommand("quiz", [FakeDiscordEvents.Option("skill", "apis")]));
        var question = await test.Server.WaitForRequestAsync(r => r.Method == "PATCH", "the question");
        var id = question.Body!["components"]![0]!["components"]![0]!["custom_id"]!.GetValue<string>();

        var click = await test.Server.SendInteractionAsync(FakeDiscordEvents.ButtonClick(id, userId: FakeDiscordEvents.OtherUserId));

        var refusal = await test.Server.WaitForRequestAsync(r => r.Path.Contains(click.Token, StringComparison.Ordinal) && r.Path.Contains("/webhooks/", StringComparison.Ordinal), "the refusal");
        Assert.Equal("POST", refusal.Method);
        Assert.Equal(64, refusal.Body!["flags"]!.GetValue<int>());
    }

    [Fact]
    public async Task MalformedButtonId_IsRefusedByTheDispatcher_Ephemerally()
    {
        await using var test = await DiscordTestHost.StartAsync();

        var click = await test.Server.SendInteractionAsync(FakeDiscordEvents.ButtonClick("../../etc/passwd @everyone"));

        await test.Server.WaitUntilAsync(() => click.CallbackType is not null, "the refusal");
        Assert.Equal(4, click.CallbackType);
        Assert.True(click.RespondedPrivately);
        Assert.Contains("isn't one I recognise", click.CallbackContent, StringComparison.Ordinal);
        Assert.Empty(test.Server.RequestsTo("PATCH", click.Token));
    }

    [Fact]
    public async Task ModeratorCommand_RefusedForMembers_AllowedWithManageServer()
    {
        await using var test = await DiscordTestHost.StartAsync();

        var member = await test.Server.SendInteractionAsync(FakeDiscordEvents.SlashCommand("post"));
        await test.Server.WaitUntilAsync(() => member.CallbackType is not null, "the refusal");
        var moderator = await test.Server.SendInteractionAsync(FakeDiscordEvents.SlashCommand("post", permissions: FakeDiscordEvents.ModeratorPermissions));
        var posted = await test.Server.WaitForRequestAsync(r => r.Path.Contains(moderator.Token, StringComparison.Ordinal) && r.Method == "PATCH", "the post");

        // Refused before acknowledging: the refusal is the private initial response, nothing public is ever shown.
        Assert.Equal(4, member.CallbackType);
        Assert.True(member.RespondedPrivately);
        Assert.Contains("only community moderators", member.CallbackContent, StringComparison.Ordinal);
        Assert.DoesNotContain(test.Server.RequestsTo("POST", member.Token), r => !r.Path.EndsWith("/callback", StringComparison.Ordinal));
        Assert.Equal(5, moderator.CallbackType);
        Assert.False(moderator.RespondedPrivately);
        Assert.Equal(StandInPostCommand.Posted, posted.Content);
    }

    [Fact]
    public async Task LongReply_IsSplitUnder2000Characters_OnParagraphBoundaries()
    {
        await using var test = await DiscordTestHost.StartAsync();

        var interaction = await test.Server.SendInteractionAsync(FakeDiscordEvents.SlashCommand("long"));

        await test.Server.WaitUntilAsync(
            () => test.Server.RequestsTo("POST", interaction.Token).Any(r => r.Content?.Contains("Paragraph 30:", StringComparison.Ordinal) == true),
            "the last part");
        var parts = test.Server.RequestsTo("PATCH", interaction.Token).Concat(test.Server.RequestsTo("POST", "/webhooks/")).Select(r => r.Content!).ToList();
        Assert.True(parts.Count >= 3);
        Assert.All(parts, p => Assert.True(p.Length <= 2000, $"part of {p.Length} characters"));
        Assert.All(parts, p => Assert.StartsWith("Paragraph ", p, StringComparison.Ordinal));
        Assert.Equal(30, parts.Sum(p => p.Split("\n\n").Length));
    }

    [Fact]
    public async Task SecondAcknowledgement_IsRejectedWith40060_AndTheCodeIsSurfaced()
    {
        await using var test = await DiscordTestHost.StartAsync();
        var interaction = await test.Server.SendInteractionAsync(FakeDiscordEvents.SlashCommand("help"));
        await test.Server.WaitUntilAsync(() => interaction.CallbackType is not null, "the first acknowledgement");
        var rest = test.Host.Services.GetRequiredService<DiscordRestClient>();

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => rest.CreateInteractionResponseAsync(
            interaction.Id, interaction.Token, CoachBot.Discord.Models.InteractionResponse.DeferredUpdate(), CancellationToken.None));

        Assert.Equal(DiscordErrorCodes.InteractionAlreadyAcknowledged, error.Code);
        Assert.DoesNotContain(interaction.Token, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModalSubmit_FieldsReachTheDispatcher()
    {
        await using var test = await DiscordTestHost.StartAsync();

        var submit = await test.Server.SendInteractionAsync(
            FakeDiscordEvents.ModalSubmit("unknownform:1", new Dictionary<string, string> { ["answer"] = "text" }));

        await test.Server.WaitUntilAsync(() => submit.CallbackType is not null, "the reply");
        Assert.Equal(4, submit.CallbackType);
        Assert.True(submit.RespondedPrivately);
        Assert.Contains("form isn't one I recognise", submit.CallbackContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManySimultaneousInteractions_AreAllAcknowledgedInTime()
    {
        await using var test = await DiscordTestHost.StartAsync();
        test.Coach.CloseGate();

        var sent = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            test.Server.SendInteractionAsync(FakeDiscordEvents.SlashCommand(
                "ask",
                [FakeDiscordEvents.Option("question", "q" + i)],
                userId: (600000000000000000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)))));

        await test.Server.WaitUntilAsync(() => sent.All(i => i.CallbackType == 5), "fifty acknowledgements");
        // The fake refuses acknowledgements after its 3-second window, so a CallbackType means "in time".
        test.Coach.OpenGate();
        await test.Server.WaitUntilAsync(() => test.Server.RequestsTo("PATCH", "@original").Count == 50, "fifty answers");
    }

    [Fact]
    public async Task ConfiguredModeratorRole_CountsAsModerator()
    {
        await using var test = await DiscordTestHost.StartAsync(s => s["Discord:ModeratorRoleIds:0"] = "888888888888888888");
        var command = FakeDiscordEvents.SlashCommand("post");
        command["member"]!["roles"] = new System.Text.Json.Nodes.JsonArray("888888888888888888");

        var interaction = await test.Server.SendInteractionAsync(command);

        var posted = await test.Server.WaitForRequestAsync(r => r.Path.Contains(interaction.Token, StringComparison.Ordinal) && r.Method == "PATCH", "the post");
        Assert.Equal(StandInPostCommand.Posted, posted.Content);
    }

    [Fact]
    public async Task CommandInAThread_IsKeyedToTheThreadInsideItsParentChannel()
    {
        await using var test = await DiscordTestHost.StartAsync();
        var command = FakeDiscordEvents.SlashCommand("ask", [FakeDiscordEvents.Option("question", "in a thread")], channelId: "999999999999999990");
        command["channel"] = new System.Text.Json.Nodes.JsonObject { ["id"] = "999999999999999990", ["type"] = 11, ["parent_id"] = FakeDiscordEvents.ChannelId };

        await test.Server.SendInteractionAsync(command);

        Assert.True(await test.Coach.Started.WaitAsync(TimeSpan.FromSeconds(10)));
        var request = Assert.Single(test.Coach.Seen<CommandRequest>());
        Assert.Equal(FakeDiscordEvents.ChannelId, request.Context.Conversation.ChannelId);
        Assert.Equal("999999999999999990", request.Context.Conversation.ThreadId);
        Assert.Equal(FakeDiscordEvents.GuildId, request.Context.Conversation.CommunityId);
        await test.Server.WaitForRequestAsync(r => r.Method == "PATCH", "the answer");
        Assert.Empty(test.Server.RequestsTo("POST", "/threads"));
    }

    [Fact]
    public async Task DeliveryFailingAfterTheAck_EndsInAPrivateApology_AndThePublicPlaceholderGoes()
    {
        await using var test = await DiscordTestHost.StartAsync(s => s["Discord:MaxRetries"] = "1");
        test.Server.EnqueueRateLimit("PATCH", "/messages/@original", 0.01);
        test.Server.EnqueueRateLimit("PATCH", "/messages/@original", 0.01);

        var interaction = await test.Server.SendInteractionAsync(FakeDiscordEvents.SlashCommand("post", permissions: FakeDiscordEvents.ModeratorPermissions));

        var apology = await test.Server.WaitForRequestAsync(
            r => r.Method == "POST" && r.Path.Contains(interaction.Token, StringComparison.Ordinal) && !r.Path.EndsWith("/callback", StringComparison.Ordinal),
            "the apology");
        Assert.StartsWith(Apology.Text + " (ref ", apology.Content, StringComparison.Ordinal);
        Assert.Equal(64, apology.Body!["flags"]!.GetValue<int>());
        Assert.True(interaction.OriginalDeleted);
        Assert.Equal(2, test.Server.RequestsTo("PATCH", interaction.Token).Count(r => r.Status == 429));
    }
}
