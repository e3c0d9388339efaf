using Microsoft.Extensions.DependencyInjection;
using Rasan.Providers.Ghasedak.Tests.Fake;
using Rasan.Testing.Providers;

namespace Rasan.Providers.Ghasedak.Tests;

public sealed class GhasedakConformanceTests : MessageProviderConformanceTests<FakeGhasedakServer>
{
    protected override void AddProvider(IRasanBuilder builder, FakeGhasedakServer fake)
        => builder.AddGhasedak(o => o.BaseAddress = fake.GatewayAddress);
}
