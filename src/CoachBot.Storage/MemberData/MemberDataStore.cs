using System.Reflection;
using CoachBot.Core.Conversations;
using CoachBot.Storage.Inbound;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CoachBot.Storage.MemberData;

/// <summary>
/// <see cref="IMemberDataStore"/> over the EF model: the tables come from <see cref="MemberDataColumns"/>, so new
/// features' tables with a <c>UserKey</c> are covered (and the question log's <c>AskerKey</c> and votes' <c>VoterKey</c>). The durable inbox keeps raw platform payloads, which carry the
/// platform user id as a JSON string: rows of the member's platform whose payload holds <c>"&lt;userId&gt;"</c> go too.
/// </summary>
public sealed class MemberDataStore(IDbContextFactory<CoachBotDbContext> contexts) : IMemberDataStore
{
    private static readonly MethodInfo WhereEqualsMethod = typeof(MemberDataStore).GetMethod(nameof(WhereEqualsAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo WhereInMethod = typeof(MemberDataStore).GetMethod(nameof(WhereInAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo DeleteEqualsMethod = typeof(MemberDataStore).GetMethod(nameof(DeleteEqualsAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo DeleteInMethod = typeof(MemberDataStore).GetMethod(nameof(DeleteInAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo AnonymiseMethod = typeof(MemberDataStore).GetMethod(nameof(AnonymiseAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    public async Task<MemberDataExport> ExportAsync(UserIdentity member, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var columns = MemberDataColumns.Of(db.Model);
        var tables = new SortedDictionary<string, IReadOnlyList<object>>(StringComparer.Ordinal);
        foreach (var entity in columns.Owned)
        {
            var rows = await InvokeAsync<List<object>>(WhereEqualsMethod, entity.ClrType, db, MemberDataColumns.OwnerProperty(entity)!.Name, member.Key, cancellationToken);
            Add(tables, entity, rows);
            foreach (var fk in columns.Dependents.Where(d => d.PrincipalEntityType == entity))
            {
                var keys = PrincipalKeys(fk, rows);
                if (keys.Count > 0)
                {
                    Add(tables, fk.DeclaringEntityType, await LoadDependentsAsync(db, fk, keys, cancellationToken));
                }
            }
        }

        foreach (var actor in columns.Actors)
        {
            var rows = await InvokeAsync<List<object>>(WhereEqualsMethod, actor.DeclaringType.ClrType, db, actor.Name, member.Key, cancellationToken);
            Add(tables, (IEntityType)actor.DeclaringType, rows);
        }

        var inbox = await InboxRows(db, member).AsNoTracking().ToListAsync(cancellationToken);
        Add(tables, db.Model.FindEntityType(typeof(InboundDeliveryRecord))!, inbox.Cast<object>().ToList());

        return new MemberDataExport(member.Key, now, tables);
    }

    public async Task<int> DeleteAsync(UserIdentity member, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        return await contexts.InTransactionAsync(
            async (db, ct) =>
            {
                var columns = MemberDataColumns.Of(db.Model);
                var affected = 0;

                // Rows that point at another of the member's tables first (quiz answers before quiz sessions), so no
                // foreign key is left dangling whatever the database's cascade settings.
                foreach (var entity in columns.Owned.OrderByDescending(e => e.GetForeignKeys().Count(fk => columns.Owned.Contains(fk.PrincipalEntityType))))
                {
                    foreach (var fk in columns.Dependents.Where(d => d.PrincipalEntityType == entity))
                    {
                        var rows = await InvokeAsync<List<object>>(WhereEqualsMethod, entity.ClrType, db, MemberDataColumns.OwnerProperty(entity)!.Name, member.Key, ct);
                        var keys = PrincipalKeys(fk, rows);
                        if (keys.Count > 0)
                        {
                            var property = fk.Properties[0];
                            affected += await InvokeAsync<int>(
                                DeleteInMethod.MakeGenericMethod(fk.DeclaringEntityType.ClrType, property.ClrType), db, property.Name, keys, ct);
                        }
                    }

                    affected += await InvokeAsync<int>(DeleteEqualsMethod, entity.ClrType, db, MemberDataColumns.OwnerProperty(entity)!.Name, member.Key, ct);
                }

                foreach (var actor in columns.Actors)
                {
                    var blankName = actor.DeclaringType.FindProperty(MemberDataColumns.ActorNamePropertyName) is { } name && name.ClrType == typeof(string);
                    affected += await InvokeAsync<int>(AnonymiseMethod, actor.DeclaringType.ClrType, db, actor.Name, member.Key, blankName, ct);
                }

                affected += await InboxRows(db, member).ExecuteDeleteAsync(ct);
                db.Add(new MemberDataDeletion { Platform = member.Platform.ToString().ToLowerInvariant(), DeletedAt = now, RowsAffected = affected });
                await db.SaveChangesAsync(ct);
                return affected;
            },
            cancellationToken);
    }

    public async Task<int> DeletionCountAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<MemberDataDeletion>().CountAsync(cancellationToken);
    }

    /// <summary>Inbox rows of the member's platform whose payload names the member's id as a JSON string.</summary>
    public static IQueryable<InboundDeliveryRecord> InboxRows(CoachBotDbContext db, UserIdentity member)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(member);
        var platform = member.Platform.ToString().ToLowerInvariant();
        var needle = "\"" + member.UserId + "\"";
        return db.Set<InboundDeliveryRecord>().Where(d => d.Platform == platform && d.Payload.Contains(needle));
    }

    private static Task<List<object>> LoadDependentsAsync(CoachBotDbContext db, IForeignKey fk, List<object> keys, CancellationToken cancellationToken)
    {
        var property = fk.Properties[0];
        return InvokeAsync<List<object>>(
            WhereInMethod.MakeGenericMethod(fk.DeclaringEntityType.ClrType, property.ClrType), db, property.Name, keys, cancellationToken);
    }

    private static List<object> PrincipalKeys(IForeignKey fk, List<object> principals)
    {
        var key = fk.PrincipalKey.Properties[0];
        var getter = key.GetGetter();
        return principals.Select(getter.GetClrValue).OfType<object>().Distinct().ToList();
    }

    private static void Add(SortedDictionary<string, IReadOnlyList<object>> tables, IEntityType entity, List<object> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        // Only the stored columns, by property name: what the database keeps, not computed conveniences.
        var properties = entity.GetProperties().ToList();
        var stored = rows.Select(row => (object)properties.ToDictionary(p => p.Name, p => p.GetGetter().GetClrValue(row), StringComparer.Ordinal)).ToList();
        var name = entity.GetTableName() ?? entity.ClrType.Name;
        tables[name] = tables.TryGetValue(name, out var existing) ? existing.Concat(stored).ToList() : stored;
    }

    private static Task<T> InvokeAsync<T>(MethodInfo method, Type entity, params object[] arguments) =>
        InvokeAsync<T>(method.MakeGenericMethod(entity), arguments);

    private static Task<T> InvokeAsync<T>(MethodInfo closed, params object[] arguments) =>
        (Task<T>)closed.Invoke(null, arguments)!;

    private static async Task<List<object>> WhereEqualsAsync<T>(CoachBotDbContext db, string property, string value, CancellationToken cancellationToken)
        where T : class =>
        (await db.Set<T>().AsNoTracking().Where(e => EF.Property<string>(e, property) == value).ToListAsync(cancellationToken)).Cast<object>().ToList();

    private static async Task<List<object>> WhereInAsync<T, TKey>(CoachBotDbContext db, string property, List<object> keys, CancellationToken cancellationToken)
        where T : class
    {
        var typed = keys.Cast<TKey>().ToList();
        return (await db.Set<T>().AsNoTracking().Where(e => typed.Contains(EF.Property<TKey>(e, property))).ToListAsync(cancellationToken)).Cast<object>().ToList();
    }

    private static Task<int> DeleteEqualsAsync<T>(CoachBotDbContext db, string property, string value, CancellationToken cancellationToken)
        where T : class =>
        db.Set<T>().Where(e => EF.Property<string>(e, property) == value).ExecuteDeleteAsync(cancellationToken);

    private static Task<int> DeleteInAsync<T, TKey>(CoachBotDbContext db, string property, List<object> keys, CancellationToken cancellationToken)
        where T : class
    {
        var typed = keys.Cast<TKey>().ToList();
        return db.Set<T>().Where(e => typed.Contains(EF.Property<TKey>(e, property))).ExecuteDeleteAsync(cancellationToken);
    }

    private static Task<int> AnonymiseAsync<T>(CoachBotDbContext db, string property, string value, bool blankName, CancellationToken cancellationToken)
        where T : class
    {
        var rows = db.Set<T>().Where(e => EF.Property<string>(e, property) == value);
        return blankName
            ? rows.ExecuteUpdateAsync(
                s => s.SetProperty(e => EF.Property<string>(e, property), MemberDataColumns.DeletedMember)
                    .SetProperty(e => EF.Property<string>(e, MemberDataColumns.ActorNamePropertyName), "deleted member"),
                cancellationToken)
            : rows.ExecuteUpdateAsync(s => s.SetProperty(e => EF.Property<string>(e, property), MemberDataColumns.DeletedMember), cancellationToken);
    }
}
