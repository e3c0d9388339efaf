using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Rasan.Dispatch;

/// <summary>One <see cref="AccountGuard"/> per account, made on first use and remade when the account's rate changes.</summary>
internal sealed class AccountGuards(IOptions<RasanOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<AccountId, AccountGuard> _guards = new();

    public AccountGuard For(ProviderAccount account)
    {
        var guard = _guards.GetOrAdd(account.Id, _ => Create(account));
        if (guard.RatePerSecond != account.RateLimitPerSecond)
        {
            guard = Create(account);
            _guards[account.Id] = guard;
        }

        return guard;
    }

    private AccountGuard Create(ProviderAccount account)
    {
        var dispatcher = options.Value.Dispatcher;
        return new AccountGuard(
            account.RateLimitPerSecond,
            // A trial outlives no pass: a pass's sends end before its lease does.
            new CircuitBreaker(dispatcher.BreakerFailureThreshold, dispatcher.BreakerBreakDuration, dispatcher.LeaseDuration),
            time.GetUtcNow());
    }
}
