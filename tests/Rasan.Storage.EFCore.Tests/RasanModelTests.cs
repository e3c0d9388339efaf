using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Rasan.Storage.EFCore.Entities;
using Xunit;

namespace Rasan.Storage.EFCore.Tests;

public sealed class RasanModelTests
{
    private static readonly IMutableModel Model = Build();

    [Fact]
    public void Model_EveryEntity_HasPrimaryKeyAndSnakeCaseNames()
    {
        // messages and their parts, tenancy, the two logs and the Data Protection key ring.
        Assert.Equal(9, Model.GetEntityTypes().Count());
        Assert.All(Model.GetEntityTypes(), e =>
        {
            Assert.NotNull(e.FindPrimaryKey());
            Assert.Matches("^[a-z_]+$", e.GetTableName());
            Assert.All(e.GetProperties(), p => Assert.Matches("^[a-z_]+$", p.GetColumnName()));
        });
    }

    [Fact]
    public void Model_IdempotencyKeyIndex_HasTheNameTheDialectsMatchConflictsBy()
    {
        var index = Assert.Single(Model.FindEntityType(typeof(RequestEntity))!.GetIndexes(), i => i.IsUnique);

        Assert.Equal(RasanModel.IdempotencyKeyIndex, index.GetDatabaseName());
    }

    [Theory]
    [InlineData(typeof(RequestEntity), "service_id,idempotency_key", true)]
    [InlineData(typeof(MessageEntity), "priority,due_at", false)]
    [InlineData(typeof(MessageEntity), "lease_until", false)]
    [InlineData(typeof(MessageEntity), "service_id,id", false)]
    [InlineData(typeof(MessageEntity), "account_id,provider_message_id", false)]
    [InlineData(typeof(MessageEntity), "next_poll_at", false)]
    [InlineData(typeof(MessageEntity), "request_id,seq", false)]
    [InlineData(typeof(ServiceEntity), "name", true)]
    [InlineData(typeof(AccountEntity), "name", true)]
    [InlineData(typeof(ApiTokenEntity), "hash", true)]
    [InlineData(typeof(ApiCallEntity), "service_id,id", false)]
    [InlineData(typeof(ApiCallEntity), "at", false)]
    [InlineData(typeof(AuditEntryEntity), "service_id,id", false)]
    [InlineData(typeof(AuditEntryEntity), "at", false)]
    public void Model_StoreQueries_HaveTheirIndexes(Type entity, string columns, bool unique)
    {
        var indexes = Model.FindEntityType(entity)!.GetIndexes();

        var index = Assert.Single(indexes, i => string.Join(',', i.Properties.Select(p => p.GetColumnName())) == columns);
        Assert.Equal(unique, index.IsUnique);
    }

    [Theory]
    [InlineData(typeof(RequestEntity), "service_id,idempotency_key", "idempotency_key IS NOT NULL")]
    [InlineData(typeof(MessageEntity), "account_id,provider_message_id", "provider_message_id IS NOT NULL")]
    [InlineData(typeof(MessageEntity), "next_poll_at", "next_poll_at IS NOT NULL")]
    [InlineData(typeof(MessageEntity), "priority,due_at", "status IN (0, 1)")]
    [InlineData(typeof(MessageEntity), "lease_until", "status = 2")]
    public void Model_IndexesOfColumnsEmptyAtAccept_ArePartial(Type entity, string columns, string? filter)
    {
        var index = Assert.Single(
            Model.FindEntityType(entity)!.GetIndexes(),
            i => string.Join(',', i.Properties.Select(p => p.GetColumnName())) == columns);

        Assert.Equal(filter, index.GetFilter());
    }

    [Fact]
    public void TagList_EncodedTags_MatchExactTagOnly()
    {
        var stored = TagList.Encode(["otp", "login"]);

        Assert.Equal("|otp|login|", stored);
        Assert.Contains(TagList.Pattern("otp"), stored, StringComparison.Ordinal);
        Assert.DoesNotContain(TagList.Pattern("ot"), stored, StringComparison.Ordinal);
        Assert.Equal(["otp", "login"], TagList.Decode(stored));
        Assert.Null(TagList.Encode([]));
        Assert.Empty(TagList.Decode(null));
    }

    [Fact]
    public void StoreTime_AnyOffset_RoundTripsToTheSameInstant()
    {
        var local = new DateTimeOffset(2026, 3, 1, 12, 30, 0, TimeSpan.FromHours(3.5)).AddTicks(7);

        var back = StoreTime.FromTicks(StoreTime.ToTicks(local));

        Assert.Equal(local, back);
        Assert.Equal(TimeSpan.Zero, back.Offset);
    }

    private static IMutableModel Build()
    {
        var builder = new ModelBuilder();
        RasanModel.Configure(builder);
        return builder.Model;
    }
}
