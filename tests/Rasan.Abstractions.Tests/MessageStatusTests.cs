using Rasan.Providers;
using Xunit;

namespace Rasan.Abstractions.Tests;

public sealed class MessageStatusTests
{
    [Theory]
    [InlineData(MessageStatus.Queued, false, false, "queued")]
    [InlineData(MessageStatus.Scheduled, false, false, "scheduled")]
    [InlineData(MessageStatus.Sending, false, false, "sending")]
    [InlineData(MessageStatus.Sent, false, true, "sent")]
    [InlineData(MessageStatus.Delivered, true, true, "delivered")]
    [InlineData(MessageStatus.Failed, true, true, "failed")]
    [InlineData(MessageStatus.Expired, true, true, "expired")]
    [InlineData(MessageStatus.Cancelled, true, true, "cancelled")]
    public void Status_HasItsFinalityOutcomeAndWireName(MessageStatus status, bool terminal, bool outcome, string wire)
    {
        Assert.Equal(terminal, status.IsTerminal());
        Assert.Equal(outcome, status.HasOutcome());
        Assert.Equal(wire, status.ToWireName());
    }

    [Fact]
    public void SendOutcome_Factories_KeepTheProviderCodeAndText()
    {
        var permanent = SendOutcome.Permanent("411", "invalid receptor");
        var transient = SendOutcome.Transient("429", "slow down", TimeSpan.FromSeconds(2));
        var accepted = SendOutcome.Accepted("8792", 12.5m);

        Assert.Equal((SendOutcomeKind.Permanent, "411", "invalid receptor"), (permanent.Kind, permanent.Code, permanent.Text));
        Assert.Equal((SendOutcomeKind.Transient, TimeSpan.FromSeconds(2)), (transient.Kind, transient.RetryAfter));
        Assert.Equal((SendOutcomeKind.Accepted, "8792", 12.5m), (accepted.Kind, accepted.ProviderMessageId, accepted.Cost));
    }

    [Fact]
    public void ApiToken_IsActive_UntilExpiryOrRevocation()
    {
        var now = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
        var token = new ApiToken
        {
            Id = Guid.NewGuid(),
            ServiceId = new ServiceId(Guid.NewGuid()),
            Name = "app",
            Prefix = "rsn_abcd",
            Hash = new byte[32],
            Scopes = ApiTokenScopes.Send,
            CreatedAt = now,
            ExpiresAt = now.AddHours(1),
        };

        Assert.True(token.IsActive(now));
        Assert.False(token.IsActive(now.AddHours(1)));
        Assert.False((token with { RevokedAt = now }).IsActive(now));
        Assert.True((token with { ExpiresAt = null }).IsActive(now.AddYears(10)));
    }

    [Fact]
    public void SendValidationException_MessageNamesEveryField()
    {
        var error = new SendValidationException(new Dictionary<string, string[]> { ["to[1]"] = ["bad number"], ["text"] = ["empty"] });

        Assert.Contains("to[1]: bad number", error.Message, StringComparison.Ordinal);
        Assert.Contains("text: empty", error.Message, StringComparison.Ordinal);
    }
}
