using System.ComponentModel.DataAnnotations;
using System.Net.Http.Headers;
using Xunit;

namespace Rasan.Providers.Http.Tests;

public sealed class ProviderHttpHelpersTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("https://api.example/", null)]
    [InlineData("http://127.0.0.1:5000/proxy", null)]
    [InlineData("/relative/", "absolute")]
    [InlineData("ftp://api.example/", "'ftp' is neither")]
    [InlineData("https://api.example/?x=1", "query or a fragment")]
    [InlineData("https://api.example/#top", "query or a fragment")]
    public void Problem_BaseAddress_NamesTheSettingAndWhatIsWrong(string address, string? problem)
    {
        var found = ProviderBaseAddress.Problem(new Uri(address, UriKind.RelativeOrAbsolute), "XOptions.BaseAddress");

        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.StartsWith("XOptions.BaseAddress ", found, StringComparison.Ordinal);
            Assert.Contains(problem, found, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void HttpBaseAddressAttribute_BadAddress_FailsValidationNamingTheMember()
    {
        var bad = new Settings { BaseAddress = new Uri("ftp://x/") };
        var good = new Settings();
        var results = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(bad, new ValidationContext(bad), results, validateAllProperties: true));
        Assert.Equal(["BaseAddress"], Assert.Single(results).MemberNames);
        Assert.True(Validator.TryValidateObject(good, new ValidationContext(good), [], validateAllProperties: true));
    }

    [Theory]
    [InlineData("https://api.example/rest", "https://api.example/rest/")]
    [InlineData("https://api.example/rest/", "https://api.example/rest/")]
    public void AsBase_Address_EndsWithOneSlash(string address, string expected)
        => Assert.Equal(expected, ProviderBaseAddress.AsBase(new Uri(address)).AbsoluteUri);

    [Fact]
    public void Read_RetryAfter_SecondsOrAFutureDateIsAWaitAndAnythingElseNone()
    {
        Assert.Equal(TimeSpan.FromSeconds(2), ProviderRetryAfter.Read(new RetryConditionHeaderValue(TimeSpan.FromSeconds(2)), Now));
        Assert.Equal(TimeSpan.FromMinutes(1), ProviderRetryAfter.Read(new RetryConditionHeaderValue(Now.AddMinutes(1)), Now));
        Assert.Null(ProviderRetryAfter.Read(new RetryConditionHeaderValue(Now.AddMinutes(-1)), Now));
        Assert.Null(ProviderRetryAfter.Read(new RetryConditionHeaderValue(TimeSpan.Zero), Now));
        Assert.Null(ProviderRetryAfter.Read(null, Now));
    }

    private sealed class Settings
    {
        [HttpBaseAddress]
        public Uri BaseAddress { get; set; } = new("https://api.example/");
    }
}
