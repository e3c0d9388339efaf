using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Rasan.Providers.FanapPlus;

/// <summary>
/// Imports each account's private key once and keeps it: entries are keyed by a SHA-256 fingerprint of the account id,
/// the key text and its password, so the key text itself is never held as a dictionary key, and a changed key (a new
/// fingerprint) is imported afresh and replaces the account's old entry. A key that cannot be read is remembered as
/// its problem, so a bad account does not re-parse its key on every send.
/// </summary>
internal sealed class FanapPlusKeyCache(ILogger<FanapPlusKeyCache> logger)
{
    private readonly ConcurrentDictionary<string, Slot> _entries = new(StringComparer.Ordinal);

    /// <summary>How many keys (and remembered problems) are held.</summary>
    public int Count => _entries.Count;

    /// <summary>The signing key of an account, imported on first use.</summary>
    /// <param name="account">The account, with its <c>privateKey</c> (and <c>privateKeyPassword</c>).</param>
    /// <param name="key">The key, when it could be read.</param>
    /// <returns><see cref="FanapPlusKeyProblem.None"/>, or why the account's key cannot sign.</returns>
    public FanapPlusKeyProblem TryGet(ProviderAccount account, out FanapPlusSigningKey? key)
    {
        ArgumentNullException.ThrowIfNull(account);
        var text = account.Settings.GetValueOrDefault(FanapPlusDefaults.PrivateKeyField);
        var password = account.Settings.GetValueOrDefault(FanapPlusDefaults.PrivateKeyPasswordField);
        var fingerprint = Fingerprint(account.Id, text, password);
        if (!_entries.TryGetValue(fingerprint, out var slot))
        {
            // Lazy: concurrent first sends of an account import its key once. (Lazy drops the factory, and with it
            // the captured key text, once the value exists.)
            var created = new Slot(account.Id, new Lazy<Entry>(() => Import(account, text, password), LazyThreadSafetyMode.ExecutionAndPublication));
            slot = _entries.GetOrAdd(fingerprint, created);
            if (ReferenceEquals(slot, created))
            {
                Forget(account.Id, except: fingerprint);
            }
        }

        var entry = slot.Entry.Value;
        key = entry.Key;
        return entry.Problem;
    }

    private Entry Import(ProviderAccount account, string? text, string? password)
    {
        var problem = FanapPlusKeyReader.TryRead(text, password, out var rsa);
        if (problem != FanapPlusKeyProblem.None)
        {
            logger.KeyUnusable(account.Name, problem);
            return new Entry(null, problem);
        }

        logger.KeyImported(account.Name, rsa!.KeySize);
        return new Entry(new FanapPlusSigningKey(rsa), FanapPlusKeyProblem.None);
    }

    /// <summary>Drops an account's other entries (an old key); sends still using one keep it until they finish.</summary>
    private void Forget(AccountId account, string except)
    {
        foreach (var (fingerprint, slot) in _entries)
        {
            if (slot.Account == account && !string.Equals(fingerprint, except, StringComparison.Ordinal))
            {
                _entries.TryRemove(fingerprint, out _);
            }
        }
    }

    private static string Fingerprint(AccountId account, string? text, string? password)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> id = stackalloc byte[16];
        account.Value.TryWriteBytes(id, bigEndian: true, out _);
        hash.AppendData(id);
        Append(hash, text);
        Append(hash, password);
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static void Append(IncrementalHash hash, string? value)
    {
        // The length first, so the key and password boundaries cannot shift.
        Span<byte> length = stackalloc byte[4];
        BitConverter.TryWriteBytes(length, value?.Length ?? -1);
        hash.AppendData(length);
        if (!string.IsNullOrEmpty(value))
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            hash.AppendData(bytes);
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    private sealed record Slot(AccountId Account, Lazy<Entry> Entry);

    private sealed record Entry(FanapPlusSigningKey? Key, FanapPlusKeyProblem Problem);
}
