using Microsoft.Extensions.DependencyInjection;
using Rasan.Providers.FanapPlus.Tests.Fake;
using Rasan.Testing.Providers;

namespace Rasan.Providers.FanapPlus.Tests;

public sealed class FanapPlusConformanceTests : MessageProviderConformanceTests<FakeFanapPlusServer>
{
    /// <summary>The contract documents no status query and no delivery-report format.</summary>
    protected override bool SupportsDeliveryPolling => false;

    /// <summary>The contract documents no balance query.</summary>
    protected override bool SupportsAccountInfo => false;

    protected override void AddProvider(IRasanBuilder builder, FakeFanapPlusServer fake)
        => builder.AddFanapPlus(o => o.BaseAddress = fake.BaseAddress);
}
