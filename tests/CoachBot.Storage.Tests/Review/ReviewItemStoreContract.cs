using CoachBot.Storage.Review;
using CoachBot.Storage.Tests.Support;

namespace CoachBot.Storage.Tests.Review;

public abstract class ReviewItemStoreContract : StoreContract
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private ReviewItemStore Store => new(Database.Contexts);

    [StoreFact]
    public async Task A_second_miss_of_the_same_thing_reschedules_the_item_instead_of_adding_one()
    {
        var first = await Store.AddOrLapseAsync(Item("i1", "q-1", due: Start), CancellationToken.None);
        var again = await Store.AddOrLapseAsync(Item("i2", "q-1", due: Start.AddDays(3)), CancellationToken.None);
        await Store.AddOrLapseAsync(Item("i3", "q-2", due: Start), CancellationToken.None);

        Assert.Equal(first.Id, again.Id);
        Assert.Equal((2, 1, Start.AddDays(3)), (again.Lapses, again.Version, again.DueAt));
        Assert.Equal(2, (await Store.ItemsForUserAsync("discord:u1", CancellationToken.None)).Count);
    }

    [StoreFact]
    public async Task Due_items_come_most_overdue_first_and_only_the_members_own()
    {
        await Store.AddOrLapseAsync(Item("i1", "q-1", due: Start.AddHours(-1)), CancellationToken.None);
        await Store.AddOrLapseAsync(Item("i2", "q-2", due: Start.AddHours(-5)), CancellationToken.None);
        await Store.AddOrLapseAsync(Item("i3", "q-3", due: Start.AddDays(2)), CancellationToken.None);
        await Store.AddOrLapseAsync(Item("i4", "q-1", due: Start.AddDays(-9), user: "discord:u2"), CancellationToken.None);

        var due = await Store.DueAsync("discord:u1", Start, 10, CancellationToken.None);

        Assert.Equal(["i2", "i1"], due.Select(i => i.Id));
        Assert.Equal(2, await Store.DueCountAsync("discord:u1", Start, CancellationToken.None));
        Assert.Equal(Start.AddDays(2), await Store.NextDueAfterAsync("discord:u1", Start, CancellationToken.None));
        Assert.Null(await Store.NextDueAfterAsync("discord:u3", Start, CancellationToken.None));
    }

    [StoreFact]
    public async Task A_review_reschedules_and_logs_once_and_a_stale_or_foreign_copy_changes_nothing()
    {
        var item = await Store.AddOrLapseAsync(Item("i1", "q-1", due: Start), CancellationToken.None);
        var rescheduled = item.WithSchedule(2.5, 1, 1, Start.AddDays(1));

        Assert.True(await Store.RecordReviewAsync(rescheduled, Answer("discord:u1", true), CancellationToken.None));
        Assert.False(await Store.RecordReviewAsync(rescheduled, Answer("discord:u1", true), CancellationToken.None));
        var foreign = (await Store.FindAsync("i1", CancellationToken.None))!.WithSchedule(2.5, 1, 9, Start.AddDays(9));
        foreign.UserKey = "discord:u2";
        Assert.False(await Store.RecordReviewAsync(foreign, Answer("discord:u2", true), CancellationToken.None));

        var stored = await Store.FindAsync("i1", CancellationToken.None);
        Assert.Equal((Start.AddDays(1), 1, Start), (stored!.DueAt, stored.Version, stored.LastReviewedAt));
        var log = Assert.Single(await Store.AnswersForUserAsync("discord:u1", Start.AddDays(-1), CancellationToken.None));
        Assert.Equal(("i1", "databases", true), (log.ItemId, log.Skill, log.IsCorrect));
    }

    private static ReviewItem Item(string id, string source, DateTimeOffset due, string user = "discord:u1") => new()
    {
        Id = id,
        UserKey = user,
        CommunityKey = "discord:g1",
        Kind = ReviewItemKind.QuizQuestion,
        SourceId = source,
        Skill = "databases",
        DueAt = due,
        CreatedAt = Start,
    };

    private static ReviewAnswer Answer(string user, bool correct) =>
        new() { UserKey = user, CommunityKey = "discord:g1", IsCorrect = correct, AnsweredAt = Start };
}
