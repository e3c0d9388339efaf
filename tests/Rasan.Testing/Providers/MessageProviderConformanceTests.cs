using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Rasan.Providers;
using Xunit;

namespace Rasan.Testing.Providers;

/// <summary>
/// What every <see cref="IMessageProvider"/> package must do against a faithful fake of its provider: send one and a
/// batch, keep the provider's code and text on failures, classify transient and permanent failures, survive an
/// ambiguous timeout without a second bill, map delivery states, read the account, and never let a secret reach a log
/// or a trace. Derive once per provider:
/// <code>
/// public sealed class GhasedakConformanceTests : MessageProviderConformanceTests&lt;FakeGhasedakServer&gt;
/// {
///     protected override void AddProvider(IRasanBuilder builder, FakeGhasedakServer fake)
///         => builder.AddGhasedak(o => o.BaseAddress = fake.BaseAddress);
/// }
/// </code>
/// Every test gets a fresh, started fake and a fresh service provider.
/// </summary>
/// <typeparam name="TFake">The provider's fake.</typeparam>
public abstract partial class MessageProviderConformanceTests<TFake> : IAsyncLifetime
    where TFake : class, IProviderFake, new()
{
    private TFake? _fake;
    private ProviderTestServices? _services;
    private ActivityRecorder? _activities;

    /// <summary>The fake, started.</summary>
    protected TFake Fake => _fake ?? throw new InvalidOperationException("The test has not been initialised.");

    /// <summary>The services with the provider registered and logs captured.</summary>
    protected ProviderTestServices Services => _services ?? throw new InvalidOperationException("The test has not been initialised.");

    /// <summary>The provider under test.</summary>
    protected IMessageProvider Provider => Services.Provider;

    /// <summary>Every activity of the process since the test started (the fake server's own excluded).</summary>
    protected ActivityRecorder Activities => _activities ?? throw new InvalidOperationException("The test has not been initialised.");

    /// <summary>Whether the provider can be polled for delivery states (<see cref="IDeliveryStatusPoller"/>).</summary>
    protected virtual bool SupportsDeliveryPolling => true;

    /// <summary>Whether the provider can read the account's balance and expiry (<see cref="IAccountInfoProvider"/>).</summary>
    protected virtual bool SupportsAccountInfo => true;

    /// <summary>Whether the provider checks accounts itself (<see cref="IAccountValidator"/>).</summary>
    protected virtual bool SupportsAccountValidation => true;

    /// <summary>The per-attempt timeout a call the fake holds (<see cref="ProviderFault.Timeout"/>) is cancelled after.</summary>
    protected virtual TimeSpan AttemptTimeout => TimeSpan.FromSeconds(1);

    /// <summary>The per-attempt timeout of every other call: generous, so a busy machine never makes a send time out.</summary>
    protected static TimeSpan GenerousTimeout => TimeSpan.FromSeconds(30);

    /// <summary>A provider message id the fake has never issued.</summary>
    protected virtual string UnknownProviderMessageId => "987654321012";

    /// <summary>The test's cancellation token.</summary>
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <inheritdoc />
    public virtual async ValueTask InitializeAsync()
    {
        _activities = new ActivityRecorder();
        _fake = new TFake();
        await _fake.StartAsync(Ct);
        _services = ProviderTestServices.Create(b => AddProvider(b, _fake), ConfigureServices);
    }

    /// <inheritdoc />
    public virtual async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_fake is not null)
        {
            await _fake.DisposeAsync();
        }

        _activities?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Registers the provider, pointed at the fake, as an app would.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="fake">The started fake.</param>
    protected abstract void AddProvider(IRasanBuilder builder, TFake fake);

    /// <summary>Registers anything else the provider needs.</summary>
    /// <param name="services">The services.</param>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>The recipient the tests use at <paramref name="index"/>: E.164, valid for the fake.</summary>
    /// <param name="index">0, 1, 2, …</param>
    /// <returns>A number such as <c>+989123000000</c>.</returns>
    protected virtual string Recipient(int index) => string.Create(CultureInfo.InvariantCulture, $"+98912{3_000_000 + index:D7}");

    /// <summary>A message to a recipient, as the dispatcher hands it over.</summary>
    /// <param name="account">The account (its sender is the message's).</param>
    /// <param name="index">The recipient's index.</param>
    /// <param name="text">The text.</param>
    /// <returns>The message, attempt 1.</returns>
    protected OutgoingMessage Message(ProviderAccount account, int index, string text = "سلام از رسان: Rasan conformance")
    {
        ArgumentNullException.ThrowIfNull(account);
        return new OutgoingMessage
        {
            Id = MessageId.New(DateTimeOffset.UtcNow),
            To = Recipient(index),
            Text = text,
            Sender = account.Sender,
        };
    }

    /// <summary>Sends as the dispatcher does: with a token that runs out after <see cref="GenerousTimeout"/>.</summary>
    /// <param name="account">The account.</param>
    /// <param name="messages">The messages.</param>
    /// <returns>The outcomes.</returns>
    protected Task<IReadOnlyList<SendOutcome>> SendAsync(ProviderAccount account, params OutgoingMessage[] messages)
        => SendAsync(GenerousTimeout, account, messages);

    /// <summary>Sends with a token that runs out after <paramref name="attemptTimeout"/>.</summary>
    /// <param name="attemptTimeout">The per-attempt timeout.</param>
    /// <param name="account">The account.</param>
    /// <param name="messages">The messages.</param>
    /// <returns>The outcomes.</returns>
    protected async Task<IReadOnlyList<SendOutcome>> SendAsync(TimeSpan attemptTimeout, ProviderAccount account, params OutgoingMessage[] messages)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(attemptTimeout);
        var outcomes = await Provider.SendAsync(new ProviderContext(account), messages, timeout.Token);
        Assert.Equal(messages.Length, outcomes.Count);
        return outcomes;
    }

    /// <summary>
    /// The provider's capability when it claims it; else checks that it really lacks it and returns
    /// <see langword="null"/>, so the test ends there and passes (CI fails on skipped tests, and an unsupported
    /// capability is a fact about the provider, not a missing server).
    /// </summary>
    /// <typeparam name="T">The capability interface.</typeparam>
    /// <param name="supported">Whether the provider claims it (a virtual flag such as <see cref="SupportsDeliveryPolling"/>).</param>
    /// <returns>The capability, or <see langword="null"/> when the provider does not have it.</returns>
    protected T? Capability<T>(bool supported)
        where T : class
    {
        if (!supported)
        {
            Assert.False(Provider is T, $"{Provider.Descriptor.Type} implements {typeof(T).Name}: set its Supports… flag to true.");
            return null;
        }

        return Assert.IsAssignableFrom<T>(Provider);
    }
}
