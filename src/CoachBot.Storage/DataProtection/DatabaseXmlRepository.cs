using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace CoachBot.Storage.DataProtection;

/// <summary>
/// The Data Protection key ring in the bot's database (<c>data_protection_keys</c>, both providers), so every process
/// on it protects and unprotects with the same keys: a cookie or an antiforgery token issued by one process is accepted
/// by the others and survives restarts. Keys are stored as Data Protection writes them (not encrypted at rest, as with
/// the file system default): whoever can read the database can read them.
/// </summary>
public sealed class DatabaseXmlRepository(IDbContextFactory<CoachBotDbContext> contexts) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = contexts.CreateDbContext();
        return db.Set<DataProtectionKey>().AsNoTracking().OrderBy(k => k.Id)
            .Select(k => k.Xml)
            .AsEnumerable()
            .Where(xml => !string.IsNullOrEmpty(xml))
            .Select(xml => XElement.Parse(xml!))
            .ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var db = contexts.CreateDbContext();
        db.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
