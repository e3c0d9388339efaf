using Microsoft.Extensions.DependencyInjection;
using Rasan.Providers.Kavenegar.Tests.Fake;
using Rasan.Testing.Providers;

namespace Rasan.Providers.Kavenegar.Tests;

public sealed class KavenegarConformanceTests : MessageProviderConformanceTests<FakeKavenegarServer>
{
    protected override void AddProvider(IRasanBuilder builder, FakeKavenegarServer fake)
        => builder.AddKavenegar(o => o.BaseAddress = fake.BaseAddress);
}
