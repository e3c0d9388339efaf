using Microsoft.Extensions.DependencyInjection;
using Rasan.Providers.FanapPlus.Tests.Fake;
using Rasan.Testing.Providers;
using Xunit;

namespace Rasan.Providers.FanapPlus.Tests;

/// <summary>The operators' quiet hours for paid content (<see cref="ISendWindow"/>): 23:00 to 08:00 Tehran time by default.</summary>
public sealed class FanapPlusSendWindowTests : IAsyncDisposable
{
    private readonly FakeFanapPlusServer _fake = new();

    public async ValueTask DisposeAsync() => await _fake.DisposeAsync();

    [Theory]
    [InlineData("2031-05-01T22:00:00Z", "2031-05-02T04:30:00Z")] // 01:30 in Tehran
    [InlineData("2031-05-01T19:30:00Z", "2031-05-02T04:30:00Z")] // 23:00, the first quiet minute
    [InlineData("2031-05-01T20:29:59Z", "2031-05-02T04:30:00Z")] // 23:59:59, before midnight
    [InlineData("2031-05-02T04:29:59Z", "2031-05-02T04:30:00Z")] // 07:59:59, the last quiet second
    public async Task NotBefore_PremiumContentInTheQuietHours_IsTheNext0800InTehran(string now, string expected)
    {
        await using var services = Services();

        var notBefore = Window(services).NotBefore(Context(("messageType", "PremiumContent")), Message(), Parse(now));

        Assert.Equal(Parse(expected), notBefore);
        Assert.Equal(TimeSpan.FromHours(3.5), notBefore!.Value.Offset);
    }

    [Theory]
    [InlineData("2031-05-02T04:30:00Z")] // 08:00 in Tehran
    [InlineData("2031-05-02T12:00:00Z")]
    [InlineData("2031-05-01T19:29:59Z")] // 22:59:59
    public async Task NotBefore_PremiumContentOutsideTheQuietHours_IsNull(string now)
    {
        await using var services = Services();

        Assert.Null(Window(services).NotBefore(Context(("messageType", "premiumcontent")), Message(), Parse(now)));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("Content", null)]
    [InlineData("PremiumContent", "Content")]
    [InlineData(null, "Verification")]
    [InlineData("PremiumContent", "Subscription")]
    [InlineData(null, "Unsubscription")]
    public async Task NotBefore_AnyOtherMessageTypeInTheQuietHours_IsNull(string? accountType, string? option)
    {
        await using var services = Services();
        var message = option is null ? Message() : Message(("messageType", option));
        var context = accountType is null ? Context() : Context(("messageType", accountType));

        Assert.Null(Window(services).NotBefore(context, message, Parse("2031-05-01T22:00:00Z")));
    }

    [Fact]
    public async Task NotBefore_PremiumContentOptionOnAContentAccount_IsHeld()
    {
        await using var services = Services();

        var notBefore = Window(services).NotBefore(Context(), Message(("messageType", "PremiumContent")), Parse("2031-05-01T22:00:00Z"));

        Assert.Equal(Parse("2031-05-02T04:30:00Z"), notBefore);
    }

    [Theory]
    [InlineData("2031-05-01T00:59:00Z", null)]
    [InlineData("2031-05-01T01:00:00Z", "2031-05-01T05:30:00Z")]
    [InlineData("2031-05-01T05:29:00Z", "2031-05-01T05:30:00Z")]
    [InlineData("2031-05-01T05:30:00Z", null)]
    [InlineData("2031-05-01T23:00:00Z", null)]
    public async Task NotBefore_WindowWithinOneDayInUtc_HoldsOnlyInsideIt(string now, string? expected)
    {
        await using var services = Services(o => (o.TimeZone, o.PremiumQuietHoursStart, o.PremiumQuietHoursEnd) = ("UTC", new TimeOnly(1, 0), new TimeOnly(5, 30)));

        var notBefore = Window(services).NotBefore(Context(("messageType", "PremiumContent")), Message(), Parse(now));

        Assert.Equal(expected is null ? null : Parse(expected), notBefore);
    }

    [Theory]
    [InlineData("2031-01-15T22:30:00Z", "2031-01-16T07:00:00Z")] // winter, UTC+1: 23:30 → 08:00
    [InlineData("2031-07-15T21:30:00Z", "2031-07-16T06:00:00Z")] // summer, UTC+2: 23:30 → 08:00
    [InlineData("2031-07-15T20:30:00Z", null)] // summer 22:30
    public async Task NotBefore_CustomTimeZone_FollowsItsClockAndDaylightSaving(string now, string? expected)
    {
        await using var services = Services(o => o.TimeZone = "Europe/Berlin");

        var notBefore = Window(services).NotBefore(Context(("messageType", "PremiumContent")), Message(), Parse(now));

        Assert.Equal(expected is null ? null : Parse(expected), notBefore);
    }

    [Theory]
    [InlineData("2031-03-30T00:30:00Z", "2031-03-30T01:30:00Z")] // ends at 02:30, a time the clocks skip: 03:30 CEST
    [InlineData("2031-10-26T00:00:00Z", "2031-10-26T01:30:00Z")] // ends at 02:30, a time that comes twice: the second
    public async Task NotBefore_QuietHoursEndingAtAClockChange_EndAtTheLaterInstant(string now, string expected)
    {
        await using var services = Services(o => (o.TimeZone, o.PremiumQuietHoursStart, o.PremiumQuietHoursEnd) = ("Europe/Berlin", new TimeOnly(23, 0), new TimeOnly(2, 30)));

        var notBefore = Window(services).NotBefore(Context(("messageType", "PremiumContent")), Message(), Parse(now));

        Assert.Equal(Parse(expected), notBefore);
    }

    [Fact]
    public async Task NotBefore_StartEqualToEnd_NeverHolds()
    {
        await using var services = Services(o => o.PremiumQuietHoursEnd = o.PremiumQuietHoursStart);

        Assert.Null(Window(services).NotBefore(Context(("messageType", "PremiumContent")), Message(), Parse("2031-05-01T22:00:00Z")));
    }

    private static ProviderTestServices Services(Action<FanapPlusOptions>? configure = null)
        => ProviderTestServices.Create(b => b.AddFanapPlus(o => configure?.Invoke(o)));

    private static ISendWindow Window(ProviderTestServices services) => Assert.IsAssignableFrom<ISendWindow>(services.Provider);

    private ProviderContext Context(params (string Name, string Value)[] settings)
    {
        var account = _fake.CreateAccount();
        var values = new Dictionary<string, string>(account.Settings);
        foreach (var (name, value) in settings)
        {
            values[name] = value;
        }

        return new ProviderContext(account with { Settings = values });
    }

    private static OutgoingMessage Message(params (string Name, string Value)[] options)
        => FanapPlusHarness.Message(options: options.ToDictionary(o => o.Name, o => o.Value));

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
