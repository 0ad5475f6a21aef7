using CoachBot.Core.Inbound;
using CoachBot.Knowledge.Semantic;
using CoachBot.Storage.Community;
using CoachBot.Storage.Inbound;
using CoachBot.Storage.PassageVectors;
using CoachBot.Storage.Quiz;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoachBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Storage options (section "Storage", validated at start-up), <see cref="IDbContextFactory{CoachBotDbContext}"/> for
    /// the configured provider, the community member and quiz stores, the passage vector store (semantic retrieval's
    /// vectors kept in the database), the durable inbound inbox, and the start-up migration.
    /// </summary>
    public static IServiceCollection AddCoachStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDbContextFactory<CoachBotDbContext>, CoachBotDbContextFactory>();
        services.TryAddSingleton<IStorageInitializer, StorageInitializer>();
        services.TryAddSingleton<ICommunityMemberStore, CommunityMemberStore>();
        services.TryAddSingleton<IQuizStore, QuizStore>();
        // Replaces the in-memory store AddKnowledge registers, whichever of the two is added first.
        services.Replace(ServiceDescriptor.Singleton<IPassageVectorStore, PassageVectorStore>());
        // Replaces the in-memory inbox AddCoachCore registers: acknowledged deliveries survive a crash.
        services.Replace(ServiceDescriptor.Singleton<IInboundInbox, InboundInboxStore>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, StorageInitializerHostedService>());
        return services;
    }
}
