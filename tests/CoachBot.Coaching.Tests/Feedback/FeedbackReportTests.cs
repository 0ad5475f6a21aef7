using CoachBot.Coaching.Feedback;
using CoachBot.Knowledge.Evaluation;

namespace CoachBot.Coaching.Tests.Feedback;

public sealed class FeedbackReportTests
{
    [Fact]
    public async Task Report_ForAMember_IsRefused_ByTheDispatcherAndByTheCommandItself()
    {
        await using var host = await FeedbackHost.StartAsync();
        var member = FeedbackHost.Member();

        var viaDispatcher = Assert.Single(await host.FeedbackCommandAsync(member, FeedbackCommand.Report));
        var direct = Assert.Single(await host.Services.GetServices<ICommandHandler>().OfType<FeedbackCommand>().Single()
            .HandleAsync(new CommandRequest(member, FeedbackCommand.Name, FeedbackCommand.Report, new Dictionary<string, string>()), CancellationToken.None));

        Assert.Equal(CoachDispatcher.ModeratorRefusal, viaDispatcher.Text);
        Assert.Equal(ChallengeModeration.Refusal, direct.Text);
        Assert.Equal(ReplyVisibility.Ephemeral, direct.Visibility);
        var audit = await host.Services.GetRequiredService<IModeratorAuditLog>().ListAsync("discord:guild-1", 10, CancellationToken.None);
        Assert.Contains(audit, e => e.Action == "feedback.report.refused");
    }

    [Fact]
    public async Task Report_ForAModerator_GivesCountsApprovalAndTheMostDownVotedQuestionsWithSources()
    {
        await using var host = await FeedbackHost.StartAsync();
        var bad = await host.AnswerAsync(FeedbackHost.Member("1"));
        var badAgain = await host.AnswerAsync(FeedbackHost.Member("2"), "Which database should I learn, MySQL or Postgres");
        var good = await host.AnswerAsync(FeedbackHost.Member("3"), "how do I start learning backend?");
        await host.ClickAsync(FeedbackHost.Member("1"), bad.DownButtonId);
        var form = Assert.IsType<FormRequest>((await host.ClickAsync(FeedbackHost.Member("2"), badAgain.DownButtonId))[^1].Form);
        await host.SubmitAsync(FeedbackHost.Member("2"), form.Id, "no *clear* pick");
        await host.ClickAsync(FeedbackHost.Member("3"), good.UpButtonId);
        await host.ClickAsync(FeedbackHost.Member("4"), good.UpButtonId);
        await host.ClickAsync(FeedbackHost.Member("5"), good.UpButtonId);
        var sources = (await host.Store.FindAnswerAsync(bad.AnswerId, CancellationToken.None))!.Sources.Split('\n');

        var report = Assert.Single(await host.FeedbackCommandAsync(FeedbackHost.Member("9", moderator: true), FeedbackCommand.Report));

        Assert.Equal(ReplyVisibility.Ephemeral, report.Visibility);
        Assert.Contains("👍 3 · 👎 2 · approval 60% of 5 votes", report.Text, StringComparison.Ordinal);
        // The same question asked twice (case and punctuation aside) is one entry with both 👎.
        Assert.Matches("1\\. “[Ww]hich database should I learn, (mysql or postgres\\?|MySQL or Postgres)”  👎 2 · 👍 0 · answered offline", report.Text);
        Assert.Contains(sources[0], report.Text, StringComparison.Ordinal);
        Assert.Contains("Note: “no  clear  pick”", report.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("how do I start learning backend?", report.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_WithNoVotes_SaysSo()
    {
        await using var host = await FeedbackHost.StartAsync();

        var report = Assert.Single(await host.FeedbackCommandAsync(FeedbackHost.Member("9", moderator: true), FeedbackCommand.Report));

        Assert.Contains("No votes yet", report.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalExport_WritesDownVotedQuestionsAsEvalLines_WithoutMembersNotes()
    {
        await using var host = await FeedbackHost.StartAsync();
        var bad = await host.AnswerAsync(FeedbackHost.Member("1"));
        var good = await host.AnswerAsync(FeedbackHost.Member("3"), "how do I start learning backend?");
        await host.FeedbackCommandAsync(FeedbackHost.Member("1"), FeedbackCommand.Down, "secret note");
        await host.ClickAsync(FeedbackHost.Member("3"), good.UpButtonId);
        var stored = (await host.Store.FindAnswerAsync(bad.AnswerId, CancellationToken.None))!;

        using var output = new StringWriter();
        var count = await host.Services.GetRequiredService<FeedbackEvalExport>().WriteAsync(output, CancellationToken.None);

        Assert.Equal(1, count);
        var line = Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("secret note", line, StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(line);
        Assert.Equal(FeedbackHost.Question, json.RootElement.GetProperty("question").GetString());
        Assert.Equal(string.Empty, json.RootElement.GetProperty("evidence").GetString());
        Assert.Equal(stored.SourceGuides.Split('\n')[0], json.RootElement.GetProperty("guide").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("down_votes").GetInt32());
        // The eval tool reads the line and asks for the evidence the curator has to add.
        var parsed = EvaluationFile.Parse([line]);
        Assert.Contains("evidence", Assert.Single(parsed.Errors).Message, StringComparison.Ordinal);
    }
}
