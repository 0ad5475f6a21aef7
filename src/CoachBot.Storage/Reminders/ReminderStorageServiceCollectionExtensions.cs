using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoachBot.Storage.Reminders;

public static class ReminderStorageServiceCollectionExtensions
{
    /// <summary>The reminder store. Needs the storage context factory (AddCoachStorage()).</summary>
    public static IServiceCollection AddReminderStores(this IServiceCollection services)
    {
        services.TryAddSingleton<IReminderStore, ReminderStore>();
        return services;
    }
}
