using CoachBot.Core.Conversations.Memory;
using CoachBot.Core.Dispatch;
using CoachBot.Core.Inbound;
using CoachBot.Core.Limits;
using CoachBot.Knowledge.Semantic;
using CoachBot.Storage.Conversations;
using CoachBot.Storage.DataProtection;
using CoachBot.Storage.Inbound;
using CoachBot.Storage.Limits;
using CoachBot.Storage.PassageVectors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoachBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Storage options (section "Storage", validated at start-up), <see cref="IDbContextFactory{CoachBotDbContext}"/> for
    /// the configured provider, the passage vector store (semantic retrieval's vectors kept in the database), the durable
    /// inbound inbox, the conversation memory, the shared rate-limit and LLM-budget counters (PostgreSQL), the Data
    /// Protection key ring, and the start-up migration. Each feature's stores live here too, one folder per feature, and are
    /// registered by the feature's AddXFeature() through this project's AddXStores() (AddQuizStores, AddInterviewStores,
    /// AddChallengeStores).
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
        // Replaces the in-memory store AddKnowledge registers, whichever of the two is added first.
        services.Replace(ServiceDescriptor.Singleton<IPassageVectorStore, PassageVectorStore>());
        // Replaces the in-memory inbox AddCoachCore registers: acknowledged deliveries survive a crash.
        services.Replace(ServiceDescriptor.Singleton<IInboundInbox, InboundInboxStore>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, StorageInitializerHostedService>());
        // Replaces the in-process conversation memory AddCoachAi registers: follow-ups keep their context across
        // restarts and across processes on one database.
        services.TryAddSingleton<ConversationMemoryStore>();
        services.Replace(ServiceDescriptor.Singleton<IConversationMemory>(provider => provider.GetRequiredService<ConversationMemoryStore>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, ConversationMemoryPurger>());
        // SQLite: the write-ahead log is checkpointed here, off every write's path (connections run wal_autocheckpoint=0).
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, Sqlite.SqliteCheckpointer>());
        AddSharedLimits(services);
        services.AddCoachDataProtectionKeys();
        return services;
    }

    /// <summary>
    /// With PostgreSQL, the rate limits and the daily LLM budget count in the database (<c>usage_counters</c>), so N
    /// processes allow each person and community their limits once; with SQLite they stay in process (token buckets),
    /// as AddCoachCore registers them.
    /// </summary>
    private static void AddSharedLimits(IServiceCollection services)
    {
        services.TryAddSingleton<InProcessWindowCounters>();
        services.TryAddSingleton<RequestRateLimiter>();
        services.TryAddSingleton<PostgresWindowCounters>();
        services.TryAddSingleton<SharedRequestRateLimiter>();
        services.Replace(ServiceDescriptor.Singleton<IWindowCounters>(provider => IsPostgres(provider)
            ? provider.GetRequiredService<PostgresWindowCounters>()
            : provider.GetRequiredService<InProcessWindowCounters>()));
        services.Replace(ServiceDescriptor.Singleton<IRequestRateLimiter>(provider => IsPostgres(provider)
            ? provider.GetRequiredService<SharedRequestRateLimiter>()
            : provider.GetRequiredService<RequestRateLimiter>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, UsageCounterPurger>());
    }

    private static bool IsPostgres(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageProvider.Postgres;
}
