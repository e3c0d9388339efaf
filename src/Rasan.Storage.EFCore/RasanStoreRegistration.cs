using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Rasan.Auditing;

namespace Rasan.Storage.EFCore;

/// <summary>Registers the EF Core stores once the database package has registered the context factory.</summary>
internal static class RasanStoreRegistration
{
    public static void AddStores(IServiceCollection services, IRasanSqlDialect dialect)
    {
        services.AddOptions<RasanStorageOptions>();
        services.TryAddSingleton(dialect);
        services.TryAddSingleton<StoreWriteGate>();
        services.TryAddSingleton<IMessageStore, EfMessageStore>();
        services.TryAddSingleton<AccountSettingsProtector>();
        services.TryAddSingleton<ITenancyStore, EfTenancyStore>();
        services.TryAddSingleton<IApiCallStore, EfApiCallStore>();
        services.TryAddSingleton<IAuditStore, EfAuditStore>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RasanMigrationService>());
    }
}
