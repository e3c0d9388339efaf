using Microsoft.Extensions.Options;
using Rasan.Phones;
using Xunit;

namespace Rasan.Tests;

public sealed class PhoneNumberNormalizerTests
{
    private readonly PhoneNumberNormalizer _normalizer = new(Options.Create(new RasanOptions { DefaultRegion = "IR" }));

    [Theory]
    [InlineData("09351112233", "+989351112233")]
    [InlineData("+98 901 234 5678", "+989012345678")]
    [InlineData("+44 7400 123456", "+447400123456")]
    [InlineData("+1 201 555 0123", "+12015550123")]
    public void TryNormalizeMobile_MobileOrMobileCapableNumbers_AnswersE164(string input, string expected)
    {
        Assert.True(_normalizer.TryNormalizeMobile(input, out var e164));
        Assert.Equal(expected, e164);
    }

    [Theory]
    [InlineData("02188776655")]
    [InlineData("+44 20 7946 0958")]
    [InlineData("0912123")]
    [InlineData("091212345678")]
    [InlineData("+98 100 123 4567")]
    [InlineData("")]
    [InlineData(null)]
    public void TryNormalizeMobile_LandlineInvalidOrMalformed_IsRefused(string? input)
    {
        Assert.False(_normalizer.TryNormalizeMobile(input, out var e164));
        Assert.Equal(string.Empty, e164);
    }
}
