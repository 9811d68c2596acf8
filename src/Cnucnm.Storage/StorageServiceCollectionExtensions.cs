using Cnucnm.Storage.Animals;
using Cnucnm.Storage.Feeds;
using Cnucnm.Storage.Identity;
using Cnucnm.Storage.LiveHerd;
using Cnucnm.Storage.Notifications;
using Cnucnm.Storage.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Cnucnm.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>PostgreSQL stores when a connection string is given; in-memory stores otherwise
    /// (the embedded profile and unit tests only).</summary>
    public static IServiceCollection AddCnucnmStorage(this IServiceCollection services, string? postgresConnectionString)
    {
        if (postgresConnectionString is { Length: > 0 })
        {
            services.TryAddSingleton(_ => new NpgsqlDataSourceBuilder(postgresConnectionString).Build());
            services.TryAddSingleton<SchemaMigrator>();
            services.TryAddSingleton<IUserStore, PostgresUserStore>();
            services.TryAddSingleton<IRefreshTokenStore, PostgresRefreshTokenStore>();
            services.TryAddSingleton<IFarmMembershipStore, PostgresFarmMembershipStore>();
            services.TryAddSingleton<IDeviceKeyStore, PostgresDeviceKeyStore>();
            services.TryAddSingleton<IAuditLog, PostgresAuditLog>();
            services.TryAddSingleton<IIntakeStore, PostgresIntakeStore>();
            services.TryAddSingleton<IAlertStore, PostgresAlertStore>();
            services.TryAddSingleton<IFeedSearchStore, PostgresFeedSearchStore>();
            services.TryAddSingleton<IWebhookStore, PostgresWebhookStore>();
            services.TryAddSingleton<IAccountTokenStore, PostgresAccountTokenStore>();
            services.TryAddSingleton<IPendingRegistrationStore, PostgresPendingRegistrationStore>();
            services.TryAddSingleton<IFarmInvitationStore, PostgresFarmInvitationStore>();
            services.TryAddSingleton<INotificationStore, PostgresNotificationStore>();
            services.TryAddSingleton<IAnimalStore, PostgresAnimalStore>();
        }
        else
        {
            // One in-memory account table: the twins of the stores PostgreSQL ties to app_users read it.
            services.TryAddSingleton<InMemoryUserStore>();
            services.TryAddSingleton<IUserStore>(sp => sp.GetRequiredService<InMemoryUserStore>());
            services.TryAddSingleton<IRefreshTokenStore, InMemoryRefreshTokenStore>();
            services.TryAddSingleton<IFarmMembershipStore, InMemoryFarmMembershipStore>();
            services.TryAddSingleton<IDeviceKeyStore, InMemoryDeviceKeyStore>();
            services.TryAddSingleton<IAuditLog, InMemoryAuditLog>();
            services.TryAddSingleton<IIntakeStore, InMemoryIntakeStore>();
            services.TryAddSingleton<IAlertStore, InMemoryAlertStore>();
            services.TryAddSingleton<IFeedSearchStore, InMemoryFeedSearchStore>();
            services.TryAddSingleton<IWebhookStore, InMemoryWebhookStore>();
            services.TryAddSingleton<IAccountTokenStore, InMemoryAccountTokenStore>();
            services.TryAddSingleton<IPendingRegistrationStore, InMemoryPendingRegistrationStore>();
            services.TryAddSingleton<IFarmInvitationStore, InMemoryFarmInvitationStore>();
            services.TryAddSingleton<INotificationStore, InMemoryNotificationStore>();
            services.TryAddSingleton<IAnimalStore, InMemoryAnimalStore>();
        }

        return services;
    }
}
