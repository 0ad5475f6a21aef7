using CoachBot.Ai;
using CoachBot.Core.Dispatch;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoachBot.Coaching.Ask;

public static class AskServiceCollectionExtensions
{
    /// <summary>
    /// Questions and answers: <c>/ask</c> and the free-text fallback (message order 1000), on top of the answer service
    /// (AddCoachAi, added here if missing). Needs AddCoachCore and the knowledge services (an <c>IPassageRetriever</c>).
    /// </summary>
    public static IServiceCollection AddAskFeature(this IServiceCollection services)
    {
        services.AddCoachAi();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandHandler, AskCommand>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMessageHandler, AskMessageHandler>());
        return services;
    }
}
