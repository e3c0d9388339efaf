using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Rasan.Providers.Kannel.Tests;

/// <summary>The provider's <see cref="ICallbackParser"/>: the query Kannel fills in from each message's dlr-url.</summary>
public sealed class KannelProviderCallbackTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly MessageId Id = MessageId.New(Now);

    [Theory]
    [InlineData("1", "", DeliveryState.Delivered, "dlr 1")]
    [InlineData("1", "id:9 sub:001 dlvrd:001 submit date:2611231200 done date:2611231201 stat:DELIVRD err:000 text:x", DeliveryState.Delivered, "dlr 1 DELIVRD")]
    [InlineData("2", "id:9 sub:001 dlvrd:000 submit date:2611231200 done date:2611231201 stat:UNDELIV err:001 text:x", DeliveryState.Failed, "dlr 2 UNDELIV")]
    [InlineData("2", "id:9 sub:001 dlvrd:000 submit date:2611231200 done date:2611241200 stat:EXPIRED err:000 text:x", DeliveryState.Expired, "dlr 2 EXPIRED")]
    [InlineData("4", "id:9 stat:ENROUTE", DeliveryState.Pending, "dlr 4 ENROUTE")]
    [InlineData("8", "ACK/", DeliveryState.Pending, "dlr 8")]
    [InlineData("16", "NACK/0x0000000b/Invalid Destination Address", DeliveryState.Failed, "dlr 16")]
    public void Parse_ReportType_MapsStateAndKeepsKannelStatus(string type, string reply, DeliveryState state, string status)
    {
        using var host = new KannelTestHost(time: new FakeTimeProvider(Now));

        var report = Assert.Single(host.Provider.Parse(Callback(("mid", Id.ToString()), ("sig", "s"), ("type", type), ("smsc", "FAKE"), ("fid", ""), ("ts", "1795462070"), ("reply", reply))));

        Assert.Equal(Id, report.MessageId);
        Assert.Equal(state, report.State);
        Assert.Equal(status, report.ProviderStatus);
        Assert.Null(report.ProviderMessageId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795462070), report.At);
    }

    [Fact]
    public void Parse_FinalReportWithForeignId_KeepsItAsProviderMessageId()
    {
        using var host = new KannelTestHost(time: new FakeTimeProvider(Now));

        var report = Assert.Single(host.Provider.Parse(Callback(("mid", Id.ToString()), ("type", "1"), ("fid", "676406d9-6091-4780-82ff-91668af48a53"))));

        Assert.Equal("676406d9-6091-4780-82ff-91668af48a53", report.ProviderMessageId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("99999999999999999999")]
    public void Parse_NoUsableTimestamp_UsesNow(string ts)
    {
        using var host = new KannelTestHost(time: new FakeTimeProvider(Now));

        var report = Assert.Single(host.Provider.Parse(Callback(("mid", Id.ToString()), ("type", "1"), ("ts", ts))));

        Assert.Equal(Now, report.At);
    }

    public static TheoryData<string?, string?> Garbage => new()
    {
        { null, "1" },
        { "not-an-id", "1" },
        { "00000000-0000-0000-0000-000000000000", "1" },
        { Id.ToString(), null },
        { Id.ToString(), "" },
        { Id.ToString(), "%d" },
        { Id.ToString(), "delivered" },
        { Id.ToString(), "-1" },
        { Id.ToString(), "3" },
        { Id.ToString(), "32" },
        { Id.ToString(), "99999999999" },
    };

    [Theory]
    [MemberData(nameof(Garbage))]
    public void Parse_MissingOrGarbledMidOrType_ReturnsNoReport(string? mid, string? type)
    {
        using var host = new KannelTestHost(time: new FakeTimeProvider(Now));
        var query = new List<(string, string)>();
        if (mid is not null)
        {
            query.Add(("mid", mid));
        }

        if (type is not null)
        {
            query.Add(("type", type));
        }

        Assert.Empty(host.Provider.Parse(Callback([.. query])));
    }

    private static CallbackPayload Callback(params (string Name, string Value)[] query)
        => new("GET", query.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal), null, ReadOnlyMemory<byte>.Empty);
}
