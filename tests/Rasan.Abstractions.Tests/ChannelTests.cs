using Xunit;

namespace Rasan.Abstractions.Tests;

public sealed class ChannelTests
{
    [Fact]
    public void Constructor_MixedCase_NormalisesToLowerCase()
    {
        Assert.Equal(Channel.Sms, new Channel("SMS"));
        Assert.Equal("push", new Channel("Push").ToString());
    }

    [Fact]
    public void Default_IsSms()
    {
        Assert.Equal(Channel.Sms, default);
        Assert.Equal(Channel.Sms.GetHashCode(), default(Channel).GetHashCode());
    }

    [Theory]
    [InlineData("")]
    [InlineData("s m s")]
    [InlineData("sms/push")]
    [InlineData("a-very-long-channel-name-over-the-32-limit")]
    public void Constructor_InvalidName_Throws(string name)
    {
        Assert.False(Channel.IsValidName(name));
        Assert.Throws<ArgumentException>(() => new Channel(name));
    }
}
