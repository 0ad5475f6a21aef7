using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoachBot.Storage.DataProtection;

public static class DataProtectionServiceCollectionExtensions
{
    /// <summary>The application name every CoachBot process shares, so they read one key ring.</summary>
    public const string ApplicationName = "CoachBot";

    /// <summary>
    /// ASP.NET Core Data Protection with its key ring in the bot's database (<see cref="DatabaseXmlRepository"/>) and
    /// one application name, so antiforgery tokens and cookies work across processes and restarts. Anything calling
    /// <c>AddDataProtection()</c> too (the web dashboard) gets this configuration.
    /// </summary>
    public static IServiceCollection AddCoachDataProtectionKeys(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(options =>
            options.XmlRepository = new DatabaseXmlRepository(provider.GetRequiredService<IDbContextFactory<CoachBotDbContext>>())));
        return services;
    }
}
