using Rasan.InMemory;
using Rasan.Testing;

namespace Rasan.Tests;

public sealed class InMemoryMessageStoreConformanceTests : MessageStoreConformanceTests
{
    protected override Task<StoreSet> CreateStoresAsync()
        => Task.FromResult(new StoreSet(new InMemoryMessageStore(), new InMemoryTenancyStore(), new InMemoryApiCallStore(), new InMemoryAuditStore()));
}
