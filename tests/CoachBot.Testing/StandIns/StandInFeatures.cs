namespace CoachBot.Testing.StandIns;

/// <summary>
/// The stand-in features both adapters' tests run behind the real dispatcher: /ask, /quiz with its buttons, /post
/// (moderators), /long, /submit with its form, and a message handler, all sharing one <see cref="StandInCoach"/>.
/// </summary>
public static class StandInFeatures
{
    public static IServiceCollection AddStandInFeatures(this IServiceCollection services)
    {
        services.AddSingleton<StandInCoach>();
        services.AddSingleton<StandInQuizSessions>();
        services.AddSingleton<ICommandHandler, StandInAskCommand>();
        services.AddSingleton<ICommandHandler, StandInQuizCommand>();
        services.AddSingleton<IButtonHandler, StandInQuizButtons>();
        services.AddSingleton<ICommandHandler, StandInPostCommand>();
        services.AddSingleton<ICommandHandler, StandInLongCommand>();
        services.AddSingleton<StandInSubmitCommand>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<StandInSubmitCommand>());
        services.AddSingleton<IFormHandler>(sp => sp.GetRequiredService<StandInSubmitCommand>());
        services.AddSingleton<IMessageHandler, StandInMessageHandler>();
        return services;
    }
}
