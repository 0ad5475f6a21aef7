using Microsoft.EntityFrameworkCore.Metadata;

namespace CoachBot.Coaching.Tests.MyData;

/// <summary>
/// Counts, straight from the database and independently of the code under test, the rows that still name a member:
/// it walks <c>DbContext.Model.GetEntityTypes()</c> for every string property whose name says it holds a person
/// (contains "User", "Member", "Actor", "Asker" or "Voter", or ends in "By"), so tables added later are counted without editing this.
/// Properties ending in "Id" hold the platform's raw id, the others the <c>platform:userId</c> key.
/// </summary>
public static class MemberRowCensus
{
    public static IReadOnlyList<(string Table, string Column)> MemberColumns(IModel model) =>
        model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null)
            .SelectMany(e => e.GetProperties()
                .Where(p => p.ClrType == typeof(string) && NamesAPerson(p.Name))
                .Select(p => (e.GetTableName()!, p.GetColumnName())))
            .ToList();

    /// <summary>Table → rows naming the member, for every member column (zero counts included).</summary>
    public static async Task<IReadOnlyDictionary<string, int>> CountAsync(CoachBotDbContext db, UserIdentity member)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
        {
            foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(string) && NamesAPerson(p.Name)))
            {
                var value = property.Name.EndsWith("Id", StringComparison.Ordinal) ? member.UserId : member.Key;
                var sql = $"SELECT COUNT(*) AS \"Value\" FROM \"{entity.GetTableName()}\" WHERE \"{property.GetColumnName()}\" = {{0}}";
                var count = await db.Database.SqlQueryRaw<int>(sql, value).SingleAsync();
                var key = entity.GetTableName() + "." + property.GetColumnName();
                counts[key] = count;
            }
        }

        return counts;
    }

    /// <summary>Rows whose foreign key points at a row that no longer exists, per foreign key.</summary>
    public static async Task<IReadOnlyDictionary<string, int>> OrphansAsync(CoachBotDbContext db)
    {
        var orphans = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var fk in db.Model.GetEntityTypes().SelectMany(e => e.GetForeignKeys()).Where(fk => fk.Properties.Count == 1))
        {
            var dependent = fk.DeclaringEntityType.GetTableName();
            var principal = fk.PrincipalEntityType.GetTableName();
            var column = fk.Properties[0].GetColumnName();
            var key = fk.PrincipalKey.Properties[0].GetColumnName();
            var sql = $"SELECT COUNT(*) AS \"Value\" FROM \"{dependent}\" d WHERE d.\"{column}\" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM \"{principal}\" p WHERE p.\"{key}\" = d.\"{column}\")";
            orphans[$"{dependent}.{column}"] = await db.Database.SqlQueryRaw<int>(sql).SingleAsync();
        }

        return orphans;
    }

    private static bool NamesAPerson(string name) =>
        name.Contains("User", StringComparison.OrdinalIgnoreCase)
        || name.Contains("Member", StringComparison.OrdinalIgnoreCase)
        || name.Contains("Actor", StringComparison.OrdinalIgnoreCase)
        || name.Contains("Asker", StringComparison.OrdinalIgnoreCase)
        || name.Contains("Voter", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith("By", StringComparison.Ordinal);
}
