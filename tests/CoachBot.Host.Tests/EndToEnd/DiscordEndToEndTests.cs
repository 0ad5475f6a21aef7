using CoachBot.Ai.Answers;
using CoachBot.Knowledge.Retrieval;

namespace CoachBot.Host.Tests.EndToEnd;

/// <summary>The real host with real features, talking to a fake Discord (REST + gateway) and, where set, a fake LLM.</summary>
public sealed partial class DiscordEndToEndTests
{
    private const string Question = "What should I learn first to become a backend developer?";
    private const string LlmAnswer = "Pick one backend language and build a small API with a database behind it. [P1]";
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Ask_WithASlowLlm_IsDeferredAtOnce_ThenTheOriginalIsEditedWithTheLlmAnswerAndSources()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var llm = await FakeOpenAiServer.StartAsync();
        llm.Responder = _ => FakeChatResponse.Delayed(TimeSpan.FromSeconds(10), FakeChatResponse.Text(LlmAnswer));
        await using var host = await StartHostAsync(discord, llm);

        var interaction = await discord.SendInteractionAsync(FakeDiscordEvents.SlashCommand("ask", [FakeDiscordEvents.Option("question", Question)]));
        await llm.WaitForRequestsAsync(1, Guard);
        await discord.WaitUntilAsync(() => interaction.CallbackType is not null, "the deferred callback", Guard);

        // The callback arrived while the model was still holding the answer back: nothing was edited yet.
        Assert.Equal(5, interaction.CallbackType);
        Assert.Empty(discord.RequestsTo("PATCH", "/messages/@original"));

        // The answer streams into @original as it is written; the final edit is the one with the sources.
        var edit = await discord.WaitForRequestAsync(r => IsOriginalEdit(r) && SourcesSection().IsMatch(r.Content ?? string.Empty), "the edited answer", Guard);
        var callback = Assert.Single(discord.RequestsTo("POST", "/callback"));
        Assert.True(callback.ReceivedAt < edit.ReceivedAt, "the deferred callback must come before the answer");
        Assert.Contains(interaction.Token, edit.Path, StringComparison.Ordinal);
        Assert.Contains("Pick one backend language and build a small API with a database behind it.", edit.Content, StringComparison.Ordinal);
        Assert.Matches(SourcesSection(), edit.Content!);
        Assert.DoesNotContain(CoachReplies.LlmFallbackNote, edit.Content, StringComparison.Ordinal);

        // The model was asked with the retrieved guide passages in its prompt.
        var prompt = Assert.Single(llm.Requests).AllContent;
        var passages = host.Services.GetRequiredService<IPassageRetriever>().Search(Question).Passages;
        Assert.NotEmpty(passages);
        Assert.Contains(passages, p => PlainWords(p.Passage.Text) is { } words
            && words.Split(' ').Length >= 4
            && prompt.Contains(words, StringComparison.Ordinal));
        Assert.Contains(Question, prompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_WhenTheLlmFails_EditsTheOriginalWithTheOfflineAnswerAndTheFallbackNote()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var llm = await FakeOpenAiServer.StartAsync();
        llm.Responder = _ => FakeChatResponse.Status(HttpStatusCode.InternalServerError);
        await using var host = await StartHostAsync(discord, llm);

        var interaction = await discord.SendInteractionAsync(FakeDiscordEvents.SlashCommand("ask", [FakeDiscordEvents.Option("question", Question)]));
        var edit = await discord.WaitForRequestAsync(IsOriginalEdit, "the edited answer", Guard);

        Assert.Equal(5, interaction.CallbackType);
        Assert.NotEmpty(llm.Requests);
        Assert.Matches(QuotedSentence(), edit.Content!);
        Assert.Matches(SourcesSection(), edit.Content!);
        Assert.Contains("-# " + CoachReplies.LlmFallbackNote, edit.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mention_OpensAThreadAndAnswersThereWithSources_AndEveryoneInAQuestionPingsNoOne()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var host = await StartHostAsync(discord, llm: null);
        var question = FakeDiscordEvents.GuildMessage("how do i get my first backend job?", mentionBotId: discord.Options.BotUserId);
        var questionId = question["id"]!.GetValue<string>();

        await discord.SendMessageCreateAsync(question);
        var answer = await discord.WaitForRequestAsync(
            r => r.Method == "POST" && r.Path == $"/api/v10/channels/{questionId}/messages", "the answer in the thread", Guard);

        var thread = Assert.Single(discord.RequestsTo("POST", "/threads"));
        Assert.Equal($"/api/v10/channels/{FakeDiscordEvents.ChannelId}/messages/{questionId}/threads", thread.Path);
        Assert.True(thread.ReceivedAt <= answer.ReceivedAt);
        Assert.Matches(QuotedSentence(), answer.Content!);
        Assert.Matches(SourcesSection(), answer.Content!);

        var pinging = FakeDiscordEvents.GuildMessage("@everyone @here how do I prepare for a backend interview?", mentionBotId: discord.Options.BotUserId);
        var pingingId = pinging["id"]!.GetValue<string>();
        await discord.SendMessageCreateAsync(pinging);
        await discord.WaitForRequestAsync(
            r => r.Method == "POST" && r.Path == $"/api/v10/channels/{pingingId}/messages", "the answer to the @everyone question", Guard);

        var sent = discord.Requests.Where(r => r.Body is JsonObject body && body.ContainsKey("content")).ToList();
        Assert.True(sent.Count >= 2, "both answers must have been posted");
        Assert.All(sent, r => Assert.Equal("[]", r.Body!["allowed_mentions"]?["parse"]?.ToJsonString()));
        Assert.All(sent, r => Assert.DoesNotContain("@everyone", r.Content, StringComparison.Ordinal));
        Assert.All(sent, r => Assert.DoesNotContain("@here", r.Content, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ask_StreamedAnswer_EditsTheOriginalWithTheTextSoFarAtAPace_ThenTheLastEditCarriesTheSources()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var llm = await FakeOpenAiServer.StartAsync();
        llm.StreamTokensPerSecond = 15;
        llm.Responder = _ => FakeChatResponse.Text(StreamedAnswer);
        await using var host = await StartHostAsync(discord, llm);

        await discord.SendInteractionAsync(FakeDiscordEvents.SlashCommand("ask", [FakeDiscordEvents.Option("question", Question)]));
        var final = await discord.WaitForRequestAsync(r => IsOriginalEdit(r) && SourcesSection().IsMatch(r.Content ?? string.Empty), "the final edit", Guard);

        Assert.True(Assert.Single(llm.Requests).Streamed);
        var edits = discord.RequestsTo("PATCH", "/messages/@original");
        Assert.Same(final, edits[^1]);
        var partial = edits.SkipLast(1).Select(e => e.Content!).ToList();
        Assert.NotEmpty(partial);
        // About one edit a second, not one per token (the model sends 30 tokens over 2 seconds).
        Assert.True(partial.Count < FakeOpenAiServer.Tokens(StreamedAnswer).Count / 3, $"{partial.Count} progress edits");
        Assert.All(partial, text => Assert.StartsWith(text.TrimEnd(), final.Content!, StringComparison.Ordinal));
        Assert.All(partial, text => Assert.DoesNotContain("**Sources**", text, StringComparison.Ordinal));
        Assert.All(edits, e => Assert.Equal("[]", e.Body!["allowed_mentions"]?["parse"]?.ToJsonString()));
        Assert.DoesNotContain(CoachReplies.LlmFallbackNote, final.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_StreamBreaksOffMidAnswer_TheLastEditReplacesThePartialTextWithTheOfflineAnswerAndTheNote()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var llm = await FakeOpenAiServer.StartAsync();
        llm.Responder = _ => FakeChatResponse.BreaksOffMidStream(StreamedAnswer, afterTokens: 6);
        await using var host = await StartHostAsync(discord, llm);

        await discord.SendInteractionAsync(FakeDiscordEvents.SlashCommand("ask", [FakeDiscordEvents.Option("question", Question)]));
        var final = await discord.WaitForRequestAsync(r => IsOriginalEdit(r) && SourcesSection().IsMatch(r.Content ?? string.Empty), "the final edit", Guard);

        var edits = discord.RequestsTo("PATCH", "/messages/@original");
        Assert.Same(final, edits[^1]);
        Assert.Contains(edits.SkipLast(1), e => e.Content!.StartsWith("Pick", StringComparison.Ordinal)); // the partial text was shown
        Assert.Contains("-# " + CoachReplies.LlmFallbackNote, final.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("Pick one backend language", final.Content, StringComparison.Ordinal);
        Assert.Matches(QuotedSentence(), final.Content!);
    }

    [Fact]
    public async Task DirectMessage_StreamedAnswer_IsPostedWithTheFirstTextThenEdited_AndTheLastEditIsTheWholeAnswerWithSources()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var llm = await FakeOpenAiServer.StartAsync();
        llm.StreamTokensPerSecond = 15;
        llm.Responder = _ => FakeChatResponse.Text(StreamedAnswer);
        await using var host = await StartHostAsync(discord, llm);

        await discord.SendMessageCreateAsync(FakeDiscordEvents.DirectMessage(Question));
        var final = await discord.WaitForRequestAsync(
            r => r.Method == "PATCH" && r.Path.Contains("/channels/", StringComparison.Ordinal) && SourcesSection().IsMatch(r.Content ?? string.Empty), "the final edit", Guard);

        var posts = discord.Requests.Where(r => r.Method == "POST" && r.Path == $"/api/v10/channels/{FakeDiscordEvents.DmChannelId}/messages").ToList();
        var first = Assert.Single(posts); // one message, posted with the first text and then edited in place
        Assert.StartsWith("Pick", first.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("**Sources**", first.Content, StringComparison.Ordinal);
        var edits = discord.Requests.Where(r => r.Method == "PATCH" && r.Path.StartsWith($"/api/v10/channels/{FakeDiscordEvents.DmChannelId}/messages/", StringComparison.Ordinal)).ToList();
        Assert.Same(final, edits[^1]);
        Assert.True(edits.Count < FakeOpenAiServer.Tokens(StreamedAnswer).Count / 3, $"{edits.Count} edits");
        Assert.Contains("along the way.", final.Content, StringComparison.Ordinal);
        Assert.All(edits.Append(first), e => Assert.Equal("[]", e.Body!["allowed_mentions"]?["parse"]?.ToJsonString()));
    }

    [Fact]
    public async Task Mention_StreamedAnswer_OpensTheThreadFromTheQuestionAtTheFirstText_ThenEditsOneMessageThereUntilTheSources()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await using var llm = await FakeOpenAiServer.StartAsync();
        llm.StreamTokensPerSecond = 15;
        llm.Responder = _ => FakeChatResponse.Text(StreamedAnswer);
        await using var host = await StartHostAsync(discord, llm);
        var question = FakeDiscordEvents.GuildMessage(Question, mentionBotId: discord.Options.BotUserId);
        var questionId = question["id"]!.GetValue<string>();

        await discord.SendMessageCreateAsync(question);
        var final = await discord.WaitForRequestAsync(
            r => r.Method == "PATCH" && r.Path.StartsWith($"/api/v10/channels/{questionId}/messages/", StringComparison.Ordinal)
                && SourcesSection().IsMatch(r.Content ?? string.Empty), "the final edit in the thread", Guard);

        Assert.True(Assert.Single(llm.Requests).Streamed);
        var thread = Assert.Single(discord.RequestsTo("POST", "/threads"));
        Assert.Equal($"/api/v10/channels/{FakeDiscordEvents.ChannelId}/messages/{questionId}/threads", thread.Path);
        Assert.Equal(Question, thread.Body!["name"]!.GetValue<string>()); // named after the question, not the finished answer
        var first = Assert.Single(discord.Requests, r => r.Method == "POST" && r.Path == $"/api/v10/channels/{questionId}/messages");
        Assert.True(thread.ReceivedAt <= first.ReceivedAt);
        Assert.StartsWith("Pick", first.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("**Sources**", first.Content, StringComparison.Ordinal);
        var edits = discord.Requests.Where(r => r.Method == "PATCH" && r.Path.StartsWith($"/api/v10/channels/{questionId}/messages/", StringComparison.Ordinal)).ToList();
        Assert.Same(final, edits[^1]);
        // About one edit a second, not one per token.
        Assert.True(edits.Count < FakeOpenAiServer.Tokens(StreamedAnswer).Count / 3, $"{edits.Count} edits");
        Assert.Contains("along the way.", final.Content, StringComparison.Ordinal);
        Assert.DoesNotContain(discord.Requests, r => r.Method == "POST" && r.Path == $"/api/v10/channels/{FakeDiscordEvents.ChannelId}/messages");
        Assert.All(edits.Append(first), e => Assert.Equal("[]", e.Body!["allowed_mentions"]?["parse"]?.ToJsonString()));
    }

    private const string StreamedAnswer =
        "Pick one backend language and build a small API with a database behind it [P1]. Then add tests, deploy it somewhere cheap and write down what you learned along the way.";

    private static bool IsOriginalEdit(RecordedRequest request) =>
        request.Method == "PATCH" && request.Path.EndsWith("/messages/@original", StringComparison.Ordinal);

    private static Task<RealHost> StartHostAsync(FakeDiscordServer discord, FakeOpenAiServer? llm)
    {
        List<string> args =
        [
            "--Discord:Token=" + discord.Options.Token,
            "--Discord:ApiBaseUrl=" + discord.ApiBaseUrl,
            "--Discord:IdentifyIntervalMs=0",
            "--Discord:ReconnectBaseDelayMs=20",
        ];
        if (llm is not null)
        {
            args.Add("--Llm:Endpoint=" + llm.BaseUrl);
            args.Add("--Llm:ChatModel=fake-model");
            args.Add("--Llm:TimeoutSeconds=30");
        }

        return StartAndConnectAsync(discord, [.. args]);
    }

    private static async Task<RealHost> StartAndConnectAsync(FakeDiscordServer discord, string[] args)
    {
        var host = await RealHost.StartAsync(args);
        try
        {
            await discord.WaitForSessionAsync(Guard);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>A run of plain words from a passage (no punctuation the prompt template might encode).</summary>
    private static string PlainWords(string text)
    {
        var words = text.Split([' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var best = new List<string>();
        var run = new List<string>();
        foreach (var word in words)
        {
            if (word.All(char.IsLetter))
            {
                run.Add(word);
                if (run.Count > best.Count)
                {
                    best = [.. run];
                }
            }
            else
            {
                run.Clear();
            }
        }

        return string.Join(' ', best.Take(8));
    }

    [GeneratedRegex(@"\*\*Sources\*\*\n\[1\] [^\n]+ › [^\n]+")]
    private static partial Regex SourcesSection();

    [GeneratedRegex(@"(?m)^> \S[^\n]*")]
    private static partial Regex QuotedSentence();
}
