using Rasan.InMemory;
using Rasan.Testing;

namespace Rasan.Tests;

public sealed class InMemoryMessageStoreConformanceTests : MessageStoreConformanceTests
{
    protected override Task<StorePair> CreateStoresAsync()
        => Task.FromResult(new StorePair(new InMemoryMessageStore(), new InMemoryTenancyStore()));
}
