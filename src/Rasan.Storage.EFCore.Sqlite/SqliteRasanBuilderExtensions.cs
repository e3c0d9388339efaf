using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Rasan.Storage.EFCore;
using Rasan.Storage.EFCore.Sqlite;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the SQLite stores to Rasan.</summary>
public static class SqliteRasanBuilderExtensions
{
    /// <summary>Stores messages, services, accounts and tokens in a SQLite database file: the embedded default.</summary>
    /// <param name="builder">The Rasan builder.</param>
    /// <param name="connectionString">The SQLite connection string, such as <c>Data Source=rasan.db</c>.</param>
    /// <param name="configure">Sets the storage options, such as <see cref="RasanStorageOptions.MigrateOnStartup"/>.</param>
    /// <returns>The same <see cref="IRasanBuilder"/>, for chaining.</returns>
    /// <remarks>
    /// Safe to call more than once: the first connection string wins. Every connection uses WAL with
    /// <c>synchronous=NORMAL</c> (a committed accept survives a crash of the process) and a busy timeout; foreign
    /// keys are on.
    /// </remarks>
    public static IRasanBuilder AddSqliteStores(this IRasanBuilder builder, string connectionString, Action<RasanStorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var services = builder.Services;
        if (configure is not null)
        {
            services.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(SqliteStoresMarker)))
        {
            return builder;
        }

        var connection = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true }.ToString();
        var setup = new SqliteConnectionSetup();
        services.AddSingleton<SqliteStoresMarker>();
        services.AddPooledDbContextFactory<RasanDbContext>(options => options
            .UseSqlite(connection, sqlite => sqlite.MigrationsAssembly(typeof(SqliteRasanSqlDialect).Assembly.GetName().Name))
            .AddInterceptors(setup));
        RasanStoreRegistration.AddStores(services, new SqliteRasanSqlDialect());
        return builder;
    }

    private sealed class SqliteStoresMarker;
}
