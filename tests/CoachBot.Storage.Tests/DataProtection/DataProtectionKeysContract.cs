using CoachBot.Storage.DataProtection;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Storage.Tests.DataProtection;

/// <summary>The Data Protection key ring in the database: what one process protects, another (or a restart) reads.</summary>
public abstract class DataProtectionKeysContract : StoreContract
{
    [StoreFact]
    public async Task APayloadProtectedByOneProcess_IsUnprotectedByAnother()
    {
        await using var a = Process();
        await using var b = Process();

        var token = a.GetRequiredService<IDataProtectionProvider>().CreateProtector("antiforgery").Protect("member U1");

        Assert.Equal("member U1", b.GetRequiredService<IDataProtectionProvider>().CreateProtector("antiforgery").Unprotect(token));
        await using var db = await Database.Contexts.CreateDbContextAsync();
        Assert.Equal(1, await db.Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>().CountAsync());
    }

    [StoreFact]
    public async Task AnotherApplicationsPurpose_CannotUnprotectIt()
    {
        await using var a = Process();
        var token = a.GetRequiredService<IDataProtectionProvider>().CreateProtector("antiforgery").Protect("member U1");

        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() =>
            a.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookies").Unprotect(token));
    }

    private ServiceProvider Process()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(Database.Contexts);
        services.AddCoachDataProtectionKeys();
        return services.BuildServiceProvider();
    }
}

public sealed class SqliteDataProtectionKeysTests : DataProtectionKeysContract
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await SqliteTestDatabase.CreateAsync();
}

[PostgresContract]
[Collection(PostgresRunDatabase.Name)]
public sealed class PostgresDataProtectionKeysTests : DataProtectionKeysContract
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync();
}
