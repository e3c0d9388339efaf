using Microsoft.Extensions.DependencyInjection;
using Rasan.Storage;
using Xunit;

namespace Rasan.Tests;

public sealed class InMemoryRasanBuilderExtensionsTests
{
    [Fact]
    public void AddInMemoryStores_CalledTwice_RegistersOneOfEachStore()
    {
        var services = new ServiceCollection();

        services.AddRasan().AddInMemoryStores().AddInMemoryStores();

        Assert.Single(services, d => d.ServiceType == typeof(IMessageStore));
        Assert.Single(services, d => d.ServiceType == typeof(ITenancyStore));
        Assert.All(
            services.Where(d => d.ServiceType == typeof(IMessageStore) || d.ServiceType == typeof(ITenancyStore)),
            d => Assert.Equal(ServiceLifetime.Singleton, d.Lifetime));
    }
}
