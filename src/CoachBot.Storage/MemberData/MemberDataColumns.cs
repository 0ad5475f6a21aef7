using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CoachBot.Storage.MemberData;

/// <summary>
/// Where the database keeps a member, read from the EF model rather than listed by hand, so a table added later is
/// exported and deleted without touching this code:
/// <list type="bullet">
/// <item>rows the member owns: every entity with a string property named in <see cref="OwnerPropertyNames"/>
/// (<c>UserKey</c>, the storage convention, <c>platform:userId</c>; the question log's <c>AskerKey</c> and the votes'
/// <c>VoterKey</c>), plus the rows that depend on them through a foreign key (an interview's answers);</item>
/// <item>shared rows that name the member as the one who acted (a moderator who posted a challenge, changed a schedule,
/// or an audit entry): string properties named in <see cref="ActorPropertyNames"/>. Deleting those would delete other
/// members' work, so their value is replaced by <see cref="DeletedMember"/> instead.</item>
/// </list>
/// </summary>
public sealed class MemberDataColumns
{
    public const string OwnerPropertyName = "UserKey";

    /// <summary>Columns whose row belongs to the member they name: the convention first, then the feedback tables' names.</summary>
    public static readonly IReadOnlyList<string> OwnerPropertyNames = [OwnerPropertyName, "AskerKey", "VoterKey"];

    /// <summary>What an actor column holds after its member's data was deleted.</summary>
    public const string DeletedMember = "deleted-member";

    /// <summary>Columns naming who acted on a shared row.</summary>
    public static readonly IReadOnlyList<string> ActorPropertyNames = ["ActorKey", "PostedBy", "UpdatedBy"];

    /// <summary>A display-name column next to an actor column, blanked with it.</summary>
    public const string ActorNamePropertyName = "ActorName";

    private MemberDataColumns(IReadOnlyList<IEntityType> owned, IReadOnlyList<IForeignKey> dependents, IReadOnlyList<IProperty> actors)
    {
        Owned = owned;
        Dependents = dependents;
        Actors = actors;
    }

    /// <summary>Entity types with an owner column (<see cref="OwnerProperty"/>): their rows are the member's.</summary>
    public IReadOnlyList<IEntityType> Owned { get; }

    /// <summary>Foreign keys from a table without its own <c>UserKey</c> to an owned one (deleted and exported with it).</summary>
    public IReadOnlyList<IForeignKey> Dependents { get; }

    /// <summary>Actor columns on shared rows.</summary>
    public IReadOnlyList<IProperty> Actors { get; }

    public static MemberDataColumns Of(IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var entities = model.GetEntityTypes().Where(e => !e.IsOwned() && e.GetTableName() is not null).ToList();
        var owned = entities.Where(e => OwnerProperty(e) is not null).OrderBy(e => e.GetTableName(), StringComparer.Ordinal).ToList();
        var dependents = entities
            .Where(e => OwnerProperty(e) is null)
            .SelectMany(e => e.GetForeignKeys())
            .Where(fk => owned.Contains(fk.PrincipalEntityType) && fk.Properties.Count == 1)
            .ToList();
        var actors = entities
            .SelectMany(e => e.GetProperties())
            .Where(p => p.ClrType == typeof(string) && ActorPropertyNames.Contains(p.Name, StringComparer.Ordinal))
            .ToList();
        return new MemberDataColumns(owned, dependents, actors);
    }

    /// <summary>The column naming the member who owns a row of <paramref name="entity"/>, or null for a shared table.</summary>
    public static IProperty? OwnerProperty(IEntityType entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return OwnerPropertyNames
            .Select(entity.FindProperty)
            .FirstOrDefault(property => property is not null && property.ClrType == typeof(string));
    }
}
