using System.Text.Json;
using CoachBot.Coaching.MyData;
using CoachBot.Storage.MemberData;

namespace CoachBot.Coaching.Tests.MyData;

public sealed class MyDataTests : IAsyncLifetime
{
    private static readonly UserIdentity Ada = new(ChatPlatform.Discord, "111111111111111111", "Ada");
    private static readonly UserIdentity Bob = new(ChatPlatform.Discord, "222222222222222222", "Bob");

    private MyDataTestHost _host = null!;

    public async Task InitializeAsync() => _host = await MyDataTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Export_SendsAPrivateJsonFileWithEveryKindOfRowAboutTheMemberAndNothingAboutOthers()
    {
        await _host.SeedAsync(Ada, "a");
        await _host.SeedAsync(Bob, "b");

        var reply = await _host.CommandAsync(Ada, MyDataCommand.Export);

        Assert.Equal(ReplyVisibility.Ephemeral, reply.Visibility);
        Assert.True(reply.Attachments.Count == 1, reply.Text);
        var file = reply.Attachments[0];
        Assert.EndsWith(".json", file.FileName, StringComparison.Ordinal);
        Assert.Equal("application/json", file.ContentType);
        using var json = JsonDocument.Parse(file.Content);
        Assert.Equal(Ada.Key, json.RootElement.GetProperty("member").GetString());
        var tables = json.RootElement.GetProperty("tables");
        foreach (var table in new[]
        {
            "quiz_sessions", "quiz_answers", "interview_sessions", "interview_answers", "challenge_submissions",
            "challenge_winners", "community_members", "moderator_audit", "challenges", "inbound_deliveries",
        })
        {
            Assert.True(tables.TryGetProperty(table, out var rows), $"the export has no {table}");
            Assert.Equal(1, rows.GetArrayLength());
        }

        var text = System.Text.Encoding.UTF8.GetString(file.Content.Span);
        Assert.Contains("my answer", text, StringComparison.Ordinal);
        Assert.Contains("indexes", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Bob.UserId, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_AsksFirstAndDeletesNothingUntilConfirmed()
    {
        await _host.SeedAsync(Ada, "a");

        var ask = await _host.CommandAsync(Ada, MyDataCommand.Delete);

        Assert.Equal(ReplyVisibility.Ephemeral, ask.Visibility);
        Assert.Equal(2, ask.Buttons.Count);
        Assert.Equal(ButtonStyle.Danger, ask.Buttons[0].Style);
        Assert.Contains("Cancelled", (await _host.ClickAsync(Ada, ask.Buttons[1].Id)).Text, StringComparison.Ordinal);
        await using var db = await _host.Contexts.CreateDbContextAsync();
        Assert.Contains((await MemberRowCensus.CountAsync(db, Ada)).Values, count => count > 0);
        Assert.Equal(0, await _host.Store.DeletionCountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Delete_Confirmed_LeavesNoRowNamingTheMemberInAnyTableOfTheModel_AndKeepsOthers()
    {
        await _host.SeedAsync(Ada, "a");
        await _host.SeedAsync(Bob, "b");
        await using (var before = await _host.Contexts.CreateDbContextAsync())
        {
            Assert.NotEmpty(MemberRowCensus.MemberColumns(before.Model));
            var seeded = await MemberRowCensus.CountAsync(before, Ada);
            Assert.True(seeded.Count(c => c.Value > 0) >= 6, "the seed should name Ada in most member columns");
        }

        var ask = await _host.CommandAsync(Ada, MyDataCommand.Delete);
        var done = await _host.ClickAsync(Ada, ask.Buttons[0].Id);

        Assert.Contains("deleted", done.Text, StringComparison.Ordinal);
        await using var db = await _host.Contexts.CreateDbContextAsync();
        var left = await MemberRowCensus.CountAsync(db, Ada);
        Assert.All(left, column => Assert.True(column.Value == 0, $"{column.Key} still names the member ({column.Value} rows)"));
        Assert.All(await MemberRowCensus.OrphansAsync(db), fk => Assert.True(fk.Value == 0, $"{fk.Key} has {fk.Value} orphaned rows"));
        var inbox = await db.Database.SqlQueryRaw<int>(
            "SELECT COUNT(*) AS \"Value\" FROM \"inbound_deliveries\" WHERE \"Payload\" LIKE {0}", "%\"" + Ada.UserId + "\"%").SingleAsync();
        Assert.Equal(0, inbox);

        var bobs = await MemberRowCensus.CountAsync(db, Bob);
        Assert.True(bobs.Count(c => c.Value > 0) >= 6, "Bob's rows must stay");
        Assert.Equal(1, await db.Database.SqlQueryRaw<int>(
            "SELECT COUNT(*) AS \"Value\" FROM \"inbound_deliveries\" WHERE \"Payload\" LIKE {0}", "%\"" + Bob.UserId + "\"%").SingleAsync());

        // Only that a deletion happened: one row, no id of any kind.
        var deletion = Assert.Single(await db.Set<MemberDataDeletion>().ToListAsync());
        Assert.Equal("discord", deletion.Platform);
        Assert.True(deletion.RowsAffected >= 10);
    }

    [Fact]
    public async Task Delete_ChallengePostedByTheMember_StaysForOthersWithThePosterAnonymised()
    {
        await _host.SeedAsync(Ada, "a");
        await using (var db = await _host.Contexts.CreateDbContextAsync())
        {
            var challenge = await db.Set<Challenge>().SingleAsync();
            db.Add(new ChallengeSubmission { ChallengeId = challenge.Id, UserKey = Bob.Key, DisplayName = "Bob", Content = "bob's", SubmittedAt = challenge.PostedAt, UpdatedAt = challenge.PostedAt });
            await db.SaveChangesAsync();
        }

        await _host.Store.DeleteAsync(Ada, _host.Time.GetUtcNow(), CancellationToken.None);

        await using var after = await _host.Contexts.CreateDbContextAsync();
        var kept = await after.Set<Challenge>().SingleAsync();
        Assert.Equal(MemberDataColumns.DeletedMember, kept.PostedBy);
        Assert.Equal("bob's", (await after.Set<ChallengeSubmission>().SingleAsync()).Content);
        Assert.Equal("deleted member", (await after.Set<ModeratorAuditEntry>().SingleAsync()).ActorName);
    }

    [Fact]
    public async Task Delete_ForgedOrForeignConfirmation_IsRefusedAndDeletesNothing()
    {
        await _host.SeedAsync(Ada, "a");
        var ask = await _host.CommandAsync(Ada, MyDataCommand.Delete);
        var now = _host.Time.GetUtcNow();

        var foreign = await _host.ClickAsync(Bob, ask.Buttons[0].Id);
        var forgedTag = await _host.ClickAsync(Ada, ButtonId.Create(MyDataButtons.Feature, MyDataButtons.ConfirmAction, "0123456789", "1"));
        var malformed = await _host.ClickAsync(Ada, "mydata:confirm:" + ButtonOwner.Tag(Ada) + ":notanumber");
        _host.Time.Advance(MyDataButtons.ConfirmationLifetime + TimeSpan.FromMinutes(5));
        var expired = await _host.ClickAsync(Ada, MyDataButtons.Confirm(Ada, now));

        Assert.Contains("someone else", foreign.Text, StringComparison.Ordinal);
        Assert.Contains("Nothing was deleted", forgedTag.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Nothing was deleted", malformed.Text, StringComparison.Ordinal);
        Assert.Contains("expired", expired.Text, StringComparison.Ordinal);
        Assert.Equal(0, await _host.Store.DeletionCountAsync(CancellationToken.None));
        await using var db = await _host.Contexts.CreateDbContextAsync();
        Assert.True((await MemberRowCensus.CountAsync(db, Ada)).Values.Sum() >= 6);
    }
}
