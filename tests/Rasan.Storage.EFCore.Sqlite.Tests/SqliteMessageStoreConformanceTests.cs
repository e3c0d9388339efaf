using Rasan.Testing;
using Xunit;

namespace Rasan.Storage.EFCore.Sqlite.Tests;

public sealed class SqliteMessageStoreConformanceTests(SqliteTestDatabase database)
    : MessageStoreConformanceTests, IClassFixture<SqliteTestDatabase>
{
    protected override Task<StoreSet> CreateStoresAsync() => database.ResetAsync();
}
