using Xunit;

namespace Rasan.Abstractions.Tests;

public sealed class MessageIdTests
{
    [Fact]
    public void New_LaterTimestamp_SortsAfter()
    {
        var start = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

        var first = MessageId.New(start);
        var second = MessageId.New(start.AddMilliseconds(1));

        Assert.True(first < second);
        Assert.True(second > first);
        Assert.Equal(7, first.Value.Version);
    }

    [Fact]
    public void ToString_RoundTripsThroughParse()
    {
        var id = MessageId.New(DateTimeOffset.UnixEpoch.AddYears(56));

        Assert.Equal(id, MessageId.Parse(id.ToString(), null));
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$", id.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-id")]
    [InlineData("0194")]
    public void TryParse_Garbage_ReturnsFalse(string input)
    {
        Assert.False(MessageId.TryParse(input, null, out _));
        Assert.False(RequestId.TryParse(input, null, out _));
    }
}
