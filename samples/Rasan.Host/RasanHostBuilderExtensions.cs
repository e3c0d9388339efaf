using Microsoft.Extensions.DependencyInjection.Extensions;
using Rasan.Development;

namespace Rasan.Host;

/// <summary>Configures the standalone hub from configuration (see appsettings.json for the layout).</summary>
internal static class RasanHostBuilderExtensions
{
    public const string DefaultConnectionString = "Data Source=rasan.db";
    private static readonly HashSet<string> HostOnlyKeys = new(StringComparer.OrdinalIgnoreCase) { "Storage", "Bootstrap", "Api", "Development", "Accounts", "Providers" };

    public static WebApplicationBuilder AddRasanHost(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var rasan = configuration.GetSection("Rasan");
        var storage = rasan.GetSection("Storage").Get<HostStorageOptions>(o => o.ErrorOnUnknownConfiguration = true) ?? new();
        var connectionString = configuration.GetConnectionString("Rasan");

        var rasanBuilder = builder.Services.AddRasan(new EngineConfigurationView(rasan, HostOnlyKeys));
        if (string.Equals(storage.Provider, HostStorageOptions.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            rasanBuilder.AddSqliteStores(string.IsNullOrWhiteSpace(connectionString) ? DefaultConnectionString : connectionString, o => o.MigrateOnStartup = true);
        }
        else if (string.Equals(storage.Provider, HostStorageOptions.PostgreSql, StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    "Rasan:Storage:Provider is 'PostgreSql' but ConnectionStrings:Rasan is empty; set it, e.g. 'Host=127.0.0.1;Username=rasan;Database=rasan'.");
            }

            rasanBuilder.AddPostgreSqlStores(connectionString, o => o.MigrateOnStartup = true);
        }
        else if (storage.IsInMemory)
        {
            rasanBuilder.AddInMemoryStores();
        }
        else
        {
            throw new InvalidOperationException(
                $"Rasan:Storage:Provider is '{storage.Provider}'; use '{HostStorageOptions.Sqlite}', '{HostStorageOptions.PostgreSql}' or '{HostStorageOptions.InMemory}'.");
        }

        rasanBuilder
            .AddDevelopmentProvider()
            .AddKannel(rasan.GetSection("Providers:Kannel"))
            .AddKavenegar(rasan.GetSection("Providers:Kavenegar"))
            .AddGhasedak(rasan.GetSection("Providers:Ghasedak"))
            .AddFanapPlus(rasan.GetSection("Providers:FanapPlus"))
            .AddRasanApi(rasan.GetSection("Api"));

        builder.Services.AddOptions<DevelopmentProviderOptions>()
            .Bind(rasan.GetSection("Development"), o => o.ErrorOnUnknownConfiguration = true);
        builder.Services.AddOptions<BootstrapOptions>().Bind(rasan.GetSection("Bootstrap"), o => o.ErrorOnUnknownConfiguration = true);
        builder.Services.TryAddSingleton(new BootstrapTokenPrinter(Console.Out));
        builder.Services.AddSingleton(storage);
        builder.Services.AddSingleton(new ConfiguredAccounts(
            rasan.GetSection("Accounts").Get<Dictionary<string, HostAccountOptions>>(o => o.ErrorOnUnknownConfiguration = true) ?? []));
        builder.Services.AddHostedService<RasanBootstrapper>();
        builder.Services.AddOpenApi();
        return builder;
    }
}
