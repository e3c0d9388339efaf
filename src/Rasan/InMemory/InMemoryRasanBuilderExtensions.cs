using Microsoft.Extensions.DependencyInjection.Extensions;
using Rasan.Auditing;
using Rasan.InMemory;
using Rasan.Storage;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the in-memory stores to Rasan.</summary>
public static class InMemoryRasanBuilderExtensions
{
    /// <summary>Adds stores that keep messages, services, accounts and tokens in memory: for tests and demos.</summary>
    /// <param name="builder">The Rasan builder.</param>
    /// <returns>The same <see cref="IRasanBuilder"/>, for chaining.</returns>
    /// <remarks>Safe to call more than once. Nothing survives a restart; use a database store in production.</remarks>
    public static IRasanBuilder AddInMemoryStores(this IRasanBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<IMessageStore, InMemoryMessageStore>();
        builder.Services.TryAddSingleton<ITenancyStore, InMemoryTenancyStore>();
        builder.Services.TryAddSingleton<IApiCallStore, InMemoryApiCallStore>();
        builder.Services.TryAddSingleton<IAuditStore, InMemoryAuditStore>();
        return builder;
    }
}
