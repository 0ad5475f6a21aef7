namespace CoachBot.Discord.Tests.Messages;

public sealed class MessageTests
{
    [Fact]
    public async Task Mention_OpensAThreadFromTheQuestion_AndAnswersThere_ThenThreadRepliesContinueWithoutMention()
    {
        await using var test = await DiscordTestHost.StartAsync();
        var question = FakeDiscordEvents.GuildMessage("how do I get started?", mentionBotId: test.BotUserId);
        var questionId = question["id"]!.GetValue<string>();

        await test.Server.SendMessageCreateAsync(question);

        var answer = await test.Server.WaitForRequestAsync(r => r.Path == $"/api/v10/channels/{questionId}/messages", "the answer in the thread");
        var thread = Assert.Single(test.Server.RequestsTo("POST", "/threads"));
        Assert.Equal($"/api/v10/channels/{FakeDiscordEvents.ChannelId}/messages/{questionId}/threads", thread.Path);
        Assert.StartsWith("You said: how do I get started?", answer.Content, StringComparison.Ordinal);
        Assert.Contains("[1] Career paths › Getting started", answer.Content, StringComparison.Ordinal);
        var first = Assert.Single(test.Coach.Seen<MessageRequest>());
        Assert.Equal(MessageOrigin.Mention, first.Origin);
        Assert.Equal(questionId, first.Context.Conversation.ThreadId);

        await test.Server.SendMessageCreateAsync(FakeDiscordEvents.GuildMessage("and then?", channelId: questionId));

        await test.Server.WaitUntilAsync(() => test.Coach.Seen<MessageRequest>().Count == 2, "the thread reply");
        var followUp = test.Coach.Seen<MessageRequest>()[^1];
        Assert.Equal(MessageOrigin.ThreadReply, followUp.Origin);
        Assert.Equal(first.Context.Conversation, followUp.Context.Conversation);
        await test.Server.WaitUntilAsync(() => test.Server.RequestsTo("POST", $"/channels/{questionId}/messages").Count == 2, "the answer to the thread reply");
        // The follow-up asks for a thread too: it is already in one, so no second thread is opened.
        Assert.Single(test.Server.RequestsTo("POST", "/threads"));
    }

    [Fact]
    public async Task DirectMessage_IsAnsweredInTheDm()
    {
        await using var test = await DiscordTestHost.StartAsync();

        await test.Server.SendMessageCreateAsync(FakeDiscordEvents.DirectMessage("what should I learn first?"));

        var answer = await test.Server.WaitForRequestAsync(r => r.Path == $"/api/v10/channels/{FakeDiscordEvents.DmChannelId}/messages", "the DM answer");
        Assert.StartsWith("You said: what should I learn first?", answer.Content, StringComparison.Ordinal);
        var request = Assert.Single(test.Coach.Seen<MessageRequest>());
        Assert.Equal(MessageOrigin.Direct, request.Origin);
        Assert.True(request.Context.IsDirect);
        Assert.Equal("dm", request.Context.Conversation.CommunityId);
        Assert.Empty(test.Server.RequestsTo("POST", "/threads"));
        Assert.Single(test.Server.RequestsTo("POST", $"/channels/{FakeDiscordEvents.DmChannelId}/typing"));
    }

    [Fact]
    public async Task EveryoneInAQuestion_PingsNoOne_AndIsNeutralisedInTheAnswer()
    {
        await using var test = await DiscordTestHost.StartAsync();

        await test.Server.SendMessageCreateAsync(FakeDiscordEvents.GuildMessage("@everyone @here look <@&999>", mentionBotId: test.BotUserId));

        var answer = await test.Server.WaitForRequestAsync(r => r.Path.EndsWith("/messages", StringComparison.Ordinal) && r.Method == "POST", "the answer");
        Assert.Equal("""{"parse":[],"replied_user":false}""", answer.Body!["allowed_mentions"]!.ToJsonString());
        Assert.DoesNotContain("@everyone", answer.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("@here", answer.Content, StringComparison.Ordinal);
        Assert.Contains("@\u200Beveryone", answer.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BotsOwnMessagesAndUnaddressedMessages_AreIgnored()
    {
        await using var test = await DiscordTestHost.StartAsync();

        await test.Server.SendMessageCreateAsync(FakeDiscordEvents.GuildMessage("I am a bot", mentionBotId: test.BotUserId, authorIsBot: true));
        await test.Server.SendMessageCreateAsync(FakeDiscordEvents.GuildMessage("echo", mentionBotId: test.BotUserId, userId: test.BotUserId));
        await test.Server.SendMessageCreateAsync(FakeDiscordEvents.GuildMessage("just chatting"));
        await test.Server.SendMessageCreateAsync(FakeDiscordEvents.GuildMessage(string.Empty, mentionBotId: test.BotUserId));
        await test.Server.SendMessageCreateAsync(FakeDiscordEvents.DirectMessage("marker"));

        await test.Server.WaitForRequestAsync(r => r.Content?.Contains("You said: marker", StringComparison.Ordinal) == true, "the marker answer");
        var seen = Assert.Single(test.Coach.Seen<MessageRequest>());
        Assert.Equal("marker", seen.Text);
        Assert.Single(test.Server.RequestsTo("POST", "/messages"));
    }

    [Fact]
    public async Task MentionsOfOtherMembersRolesAndChannels_ReachTheCoreAsPlainNames()
    {
        await using var test = await DiscordTestHost.StartAsync();
        var message = FakeDiscordEvents.GuildMessage($"does <@{FakeDiscordEvents.OtherUserId}> or <@&999> in <#123456> know SQL?", mentionBotId: test.BotUserId);
        message["mentions"]!.AsArray().Add(new System.Text.Json.Nodes.JsonObject { ["id"] = FakeDiscordEvents.OtherUserId, ["username"] = "bo", ["global_name"] = "Bo" });

        await test.Server.SendMessageCreateAsync(message);

        await test.Server.WaitUntilAsync(() => test.Coach.Seen<MessageRequest>().Count > 0, "the mention to be handled");
        Assert.Equal("does @Bo or @role in #123456 know SQL?", Assert.Single(test.Coach.Seen<MessageRequest>()).Text);
    }

    [Fact]
    public async Task LegacyNicknameMention_IsStripped()
    {
        await using var test = await DiscordTestHost.StartAsync();
        var message = FakeDiscordEvents.GuildMessage($"<@!{test.BotUserId}> what is CAP?");

        await test.Server.SendMessageCreateAsync(message);

        await test.Server.WaitUntilAsync(() => test.Coach.Seen<MessageRequest>().Count > 0, "the mention to be handled");
        Assert.Equal("what is CAP?", Assert.Single(test.Coach.Seen<MessageRequest>()).Text);
    }
}
