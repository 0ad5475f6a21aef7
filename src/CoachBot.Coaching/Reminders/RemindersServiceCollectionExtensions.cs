using CoachBot.Core.Dispatch;
using CoachBot.Storage.Reminders;
using CoachBot.Storage.Review;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoachBot.Coaching.Reminders;

public static class RemindersServiceCollectionExtensions
{
    /// <summary>
    /// <c>/remind on|off</c>, the reminder store and the scheduler (hosted service) that DMs members through the
    /// adapters' <see cref="Core.Outbound.IDirectMessenger"/>s. Needs AddCoachCore() and AddCoachStorage().
    /// </summary>
    public static IServiceCollection AddRemindersFeature(this IServiceCollection services)
    {
        services.AddOptions<RemindersOptions>()
            .BindConfiguration(RemindersOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddReminderStores();

        // What reminders count: the member's due review items.
        services.AddReviewStores();
        services.TryAddSingleton<IDueReviews, ReviewItemsDue>();
        services.TryAddSingleton<ReminderRunner>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandHandler, RemindCommand>());
        services.TryAddSingleton<ReminderScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderScheduler>());
        return services;
    }
}
