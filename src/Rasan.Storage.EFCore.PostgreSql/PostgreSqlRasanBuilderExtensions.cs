using Microsoft.EntityFrameworkCore;
using Rasan.Storage.EFCore;
using Rasan.Storage.EFCore.PostgreSql;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the PostgreSQL stores to Rasan.</summary>
public static class PostgreSqlRasanBuilderExtensions
{
    /// <summary>Stores messages, services, accounts and tokens in PostgreSQL, which several hosts can share.</summary>
    /// <param name="builder">The Rasan builder.</param>
    /// <param name="connectionString">The Npgsql connection string.</param>
    /// <param name="configure">Sets the storage options, such as <see cref="RasanStorageOptions.MigrateOnStartup"/>.</param>
    /// <returns>The same <see cref="IRasanBuilder"/>, for chaining.</returns>
    /// <remarks>Safe to call more than once: the first connection string wins.</remarks>
    public static IRasanBuilder AddPostgreSqlStores(this IRasanBuilder builder, string connectionString, Action<RasanStorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var services = builder.Services;
        if (configure is not null)
        {
            services.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(PostgreSqlStoresMarker)))
        {
            return builder;
        }

        services.AddSingleton<PostgreSqlStoresMarker>();
        services.AddPooledDbContextFactory<RasanDbContext>(options => options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(PostgreSqlRasanSqlDialect).Assembly.GetName().Name)));
        RasanStoreRegistration.AddStores(services, new PostgreSqlRasanSqlDialect());
        return builder;
    }

    private sealed class PostgreSqlStoresMarker;
}
