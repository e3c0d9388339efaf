using Rasan.Providers;
using Xunit;

namespace Rasan.Testing.Providers;

public abstract partial class MessageProviderConformanceTests<TFake>
{
    [Fact]
    public async Task Logs_AfterEveryKindOfCall_NeverCarrySecretsOrFullRecipients()
    {
        var recipients = await RunEveryKindOfCallAsync();

        var texts = Services.LogTexts();

        Assert.NotEmpty(texts);
        AssertNoneContains(texts, Fake.Secrets, "a secret");
        AssertNoneContains(texts, recipients.Select(Significant), "a full recipient number");
    }

    [Fact]
    public async Task Activities_AfterEveryKindOfCall_NeverCarrySecrets()
    {
        await RunEveryKindOfCallAsync();

        var texts = Activities.Activities.Select(a => a.AllText).ToArray();

        // Something was recorded for the calls to the fake (at least the connection), so the check below saw them.
        var port = Fake.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(texts, t => t.Contains(port, StringComparison.Ordinal));
        AssertNoneContains(texts, Fake.Secrets, "a secret");
    }

    /// <summary>
    /// Sends successfully, fails transiently, permanently and by timeout, polls and reads the account: every path that
    /// could log or trace an address, a key or a number.
    /// </summary>
    /// <returns>The recipients used.</returns>
    protected async Task<IReadOnlyList<string>> RunEveryKindOfCallAsync()
    {
        var account = Fake.CreateAccount();
        var ok = Message(account, 0);
        var outcomes = await SendAsync(account, ok, Message(account, 1, "another text"));
        Fake.InjectFault(ProviderFault.Transient);
        await SendAsync(account, Message(account, 2));
        Fake.InjectFault(ProviderFault.Permanent);
        await SendAsync(account, Message(account, 3));
        Fake.InjectFault(ProviderFault.Timeout);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SendAsync(AttemptTimeout, account, Message(account, 4)));
        if (SupportsDeliveryPolling)
        {
            Fake.ScriptDelivery(ok.To, DeliveryState.Delivered);
            await ((IDeliveryStatusPoller)Provider).PollAsync(
                new ProviderContext(account), [new SentMessage(ok.Id, outcomes[0].ProviderMessageId, ok.To, DateTimeOffset.UtcNow)], Ct);
        }

        if (SupportsAccountInfo)
        {
            await ((IAccountInfoProvider)Provider).GetAccountInfoAsync(new ProviderContext(account), Ct);
        }

        return [.. Enumerable.Range(0, 5).Select(Recipient)];
    }

    /// <summary>Fails when any text contains any of the values.</summary>
    /// <param name="texts">The texts searched.</param>
    /// <param name="values">The values that must not occur.</param>
    /// <param name="what">What the values are, for the failure message.</param>
    protected static void AssertNoneContains(IReadOnlyList<string> texts, IEnumerable<string> values, string what)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(values);
        foreach (var value in values.Where(v => v.Length > 0))
        {
            var leak = texts.FirstOrDefault(t => t.Contains(value, StringComparison.OrdinalIgnoreCase));
            Assert.True(leak is null, $"Found {what} in: {leak?.Replace(value, "<HERE>", StringComparison.OrdinalIgnoreCase)}");
        }
    }

    // The last ten digits: the number whatever its written form (E.164, national, 00…).
    private static string Significant(string recipient) => recipient.Length > 10 ? recipient[^10..] : recipient;
}
