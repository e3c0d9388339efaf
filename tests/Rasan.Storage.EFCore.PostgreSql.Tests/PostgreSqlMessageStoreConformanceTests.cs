using Rasan.Testing;
using Xunit;

namespace Rasan.Storage.EFCore.PostgreSql.Tests;

public sealed class PostgreSqlMessageStoreConformanceTests(PostgreSqlTestDatabase database)
    : MessageStoreConformanceTests, IClassFixture<PostgreSqlTestDatabase>
{
    protected override Task<StoreSet> CreateStoresAsync() => database.ResetAsync();
}
