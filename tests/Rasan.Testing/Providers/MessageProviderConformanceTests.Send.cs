using Rasan.Providers;
using Xunit;

namespace Rasan.Testing.Providers;

public abstract partial class MessageProviderConformanceTests<TFake>
{
    [Fact]
    public void Descriptor_Always_DescribesALowerCaseTypeAndSecretCredentials()
    {
        var descriptor = Provider.Descriptor;

        Assert.Equal(descriptor.Type.ToLowerInvariant(), descriptor.Type);
        Assert.False(string.IsNullOrWhiteSpace(descriptor.DisplayName));
        Assert.InRange(descriptor.MaxBatchSize, 1, int.MaxValue);
        Assert.Contains(descriptor.Fields, f => f.Secret);
        var account = Fake.CreateAccount();
        Assert.Equal(descriptor.Type, account.ProviderType);
        Assert.All(descriptor.Fields.Where(f => f.Required), f => Assert.True(account.Settings.ContainsKey(f.Name), f.Name));
    }

    [Fact]
    public void Validate_FakeAccount_ReportsNoErrors()
    {
        if (Capability<IAccountValidator>(SupportsAccountValidation) is not { } validator)
        {
            return;
        }

        var errors = new ValidationErrors();

        validator.Validate(Fake.CreateAccount(), errors);

        Assert.Empty(errors.ToDictionary());
    }

    [Fact]
    public async Task SendAsync_EmptyBatch_ReturnsNoOutcomesAndCallsNothing()
    {
        var outcomes = await Provider.SendAsync(new ProviderContext(Fake.CreateAccount()), [], Ct);

        Assert.Empty(outcomes);
        Assert.Empty(Fake.Requests);
    }

    [Fact]
    public async Task SendAsync_OneMessage_IsAcceptedWithProviderIdAndBilledOnce()
    {
        var account = Fake.CreateAccount();
        var message = Message(account, 0);

        var outcome = Assert.Single(await SendAsync(account, message));

        Assert.Equal(SendOutcomeKind.Accepted, outcome.Kind);
        Assert.False(string.IsNullOrWhiteSpace(outcome.ProviderMessageId));
        Assert.Equal(1, Fake.BillableSends(message.Id));
    }

    [Fact]
    public async Task SendAsync_BulkBatch_GivesEachMessageItsOwnProviderId()
    {
        var account = Fake.CreateAccount();
        var size = Math.Min(Provider.Descriptor.MaxBatchSize, 50);
        var messages = Enumerable.Range(0, size).Select(i => Message(account, i, "one text for everybody")).ToArray();

        var outcomes = await SendAsync(account, messages);

        Assert.All(outcomes, o => Assert.Equal(SendOutcomeKind.Accepted, o.Kind));
        Assert.Equal(size, outcomes.Select(o => o.ProviderMessageId).Distinct().Count());
        Assert.All(messages, m => Assert.Equal(1, Fake.BillableSends(m.Id)));
    }

    [Fact]
    public async Task SendAsync_BatchWithDifferentTexts_AcceptsEveryMessageInOrder()
    {
        var account = Fake.CreateAccount();
        var size = Math.Min(Provider.Descriptor.MaxBatchSize, 5);
        var messages = Enumerable.Range(0, size).Select(i => Message(account, i, $"text number {i}")).ToArray();

        var outcomes = await SendAsync(account, messages);

        Assert.All(outcomes, o => Assert.Equal(SendOutcomeKind.Accepted, o.Kind));
        Assert.Equal(size, outcomes.Select(o => o.ProviderMessageId).Distinct().Count());
        Assert.All(messages, m => Assert.Equal(1, Fake.BillableSends(m.Id)));
    }

    [Fact]
    public async Task SendAsync_PermanentError_FailsPermanentlyAndKeepsProviderCodeAndText()
    {
        var account = Fake.CreateAccount();
        var message = Message(account, 0);
        var expected = Fake.InjectFault(ProviderFault.Permanent);

        var outcome = Assert.Single(await SendAsync(account, message));

        Assert.Equal(SendOutcomeKind.Permanent, outcome.Kind);
        AssertCarries(expected, outcome);
        Assert.Equal(0, Fake.BillableSends(message.Id));
    }

    [Fact]
    public async Task SendAsync_InsufficientCredit_FailsPermanentlyAndBillsNothing()
    {
        var account = Fake.CreateAccount();
        var messages = new[] { Message(account, 0), Message(account, 1) };
        var expected = Fake.InjectFault(ProviderFault.InsufficientCredit);

        var outcomes = await SendAsync(account, messages);

        Assert.All(outcomes, o => Assert.Equal(SendOutcomeKind.Permanent, o.Kind));
        Assert.All(outcomes, o => AssertCarries(expected, o));
        Assert.All(messages, m => Assert.Equal(0, Fake.BillableSends(m.Id)));
    }

    [Fact]
    public async Task SendAsync_TransientError_FailsTransientlyAndTheRetryIsBilledOnce()
    {
        var account = Fake.CreateAccount();
        var message = Message(account, 0);
        var expected = Fake.InjectFault(ProviderFault.Transient);

        var first = Assert.Single(await SendAsync(account, message));
        var retry = Assert.Single(await SendAsync(account, message with { Attempt = 2 }));

        Assert.Equal(SendOutcomeKind.Transient, first.Kind);
        AssertCarries(expected, first);
        Assert.Equal(SendOutcomeKind.Accepted, retry.Kind);
        Assert.Equal(1, Fake.BillableSends(message.Id));
        Assert.Equal(1, Fake.TotalBilled);
    }

    [Fact]
    public async Task SendAsync_TimeoutAfterTheProviderTookTheMessage_RetryReusesTheIdAndIsBilledOnce()
    {
        var account = Fake.CreateAccount();
        var message = Message(account, 0);
        Fake.InjectFault(ProviderFault.Timeout);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SendAsync(AttemptTimeout, account, message));
        Assert.Equal(1, Fake.BillableSends(message.Id));
        var retry = Assert.Single(await SendAsync(account, message with { Attempt = 2 }));

        Assert.Equal(SendOutcomeKind.Accepted, retry.Kind);
        Assert.False(string.IsNullOrWhiteSpace(retry.ProviderMessageId));
        Assert.Equal(1, Fake.BillableSends(message.Id));
        Assert.Equal(1, Fake.TotalBilled);
    }

    /// <summary>Asserts an outcome carries the code and text the fake said it would answer.</summary>
    /// <param name="expected">The fake's answer.</param>
    /// <param name="outcome">The provider's outcome.</param>
    protected static void AssertCarries(ProviderFaultAnswer expected, SendOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(outcome);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Code), "A failure keeps a code.");
        if (expected.Code is not null)
        {
            Assert.Equal(expected.Code, outcome.Code);
        }

        if (expected.Text is not null)
        {
            Assert.Equal(expected.Text, outcome.Text);
        }
    }
}
