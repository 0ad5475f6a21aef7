using CoachBot.Core.Dispatch;
using CoachBot.Storage.MemberData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoachBot.Coaching.MyData;

public static class MyDataServiceCollectionExtensions
{
    /// <summary><c>/mydata export|delete</c> and its confirmation buttons. Needs AddCoachCore() and AddCoachStorage().</summary>
    public static IServiceCollection AddMyDataFeature(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMemberDataStores();
        services.TryAddSingleton<MyDataService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandHandler, MyDataCommand>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IButtonHandler, MyDataButtonHandler>());
        return services;
    }
}
