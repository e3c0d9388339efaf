using Rasan.AspNetCore.Contracts;
using Rasan.Providers;

namespace Rasan.AspNetCore.Endpoints;

/// <summary>
/// Turns an account request into the account to store, new or changed, with every fault keyed by its field: the
/// provider must be registered and cannot change, settings must be the provider's own fields, the name unique, and
/// the provider's own checks must pass. Error texts never carry a setting's value.
/// </summary>
internal sealed class AccountEditor(IEnumerable<IMessageProvider> providers, IAccountChecker checker, TimeProvider time)
{
    private const int MaxNameLength = 200;

    /// <summary>The descriptor of a provider type, if this hub has it.</summary>
    public ProviderDescriptor? Describe(string providerType)
        => providers.FirstOrDefault(p => string.Equals(p.Descriptor.Type, providerType, StringComparison.OrdinalIgnoreCase))?.Descriptor;

    /// <param name="request">What the caller sent.</param>
    /// <param name="existing">The account to change, or <see langword="null"/> to add one.</param>
    /// <param name="others">Every other account, for the unique name.</param>
    /// <param name="errors">Where faults go.</param>
    /// <returns>The account; <see langword="null"/> when there are errors.</returns>
    public ProviderAccount? Apply(AccountRequest request, ProviderAccount? existing, IEnumerable<ProviderAccount> others, ValidationErrors errors)
    {
        var name = request.Name?.Trim() ?? existing?.Name;
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            errors.Add("name", $"Give a name of 1 to {MaxNameLength} characters.");
        }
        else if (others.Any(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add("name", $"An account named '{name}' already exists.");
        }

        var descriptor = DescriptorFor(request, existing, errors);
        if (descriptor is null)
        {
            return null;
        }

        var channel = CheckChannel(request, existing, descriptor, errors);
        var settings = new Dictionary<string, string>(existing?.Settings ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var (key, value) in request.Settings ?? new Dictionary<string, string?>())
        {
            if (descriptor.Fields.All(f => f.Name != key))
            {
                errors.Add($"settings.{key}", $"A {descriptor.DisplayName} account has no field '{key}'; its fields are {string.Join(", ", descriptor.Fields.Select(f => f.Name))}.");
            }
            else if (value is null)
            {
                settings.Remove(key);
            }
            else
            {
                settings[key] = value;
            }
        }

        if (errors.Count > 0)
        {
            return null;
        }

        var account = new ProviderAccount
        {
            Id = existing?.Id ?? new AccountId(Guid.CreateVersion7(time.GetUtcNow())),
            Name = name!,
            ProviderType = descriptor.Type,
            Channel = channel!.Value,
            Sender = request.Sender is null ? existing?.Sender : request.Sender.Trim() is { Length: > 0 } sender ? sender : null,
            Enabled = request.Enabled ?? existing?.Enabled ?? true,
            RateLimitPerSecond = request.RateLimitPerSecond ?? existing?.RateLimitPerSecond ?? 0,
            Settings = settings,
            CreatedAt = existing?.CreatedAt ?? time.GetUtcNow(),
        };
        foreach (var (field, messages) in checker.Check(account).ToDictionary())
        {
            foreach (var message in messages)
            {
                errors.Add(PathOf(field), message);
            }
        }

        return errors.Count > 0 ? null : account;
    }

    private static string PathOf(string field) => field switch
    {
        "sender" or "channel" => field,
        "providerType" => "provider",
        _ => $"settings.{field}",
    };

    private ProviderDescriptor? DescriptorFor(AccountRequest request, ProviderAccount? existing, ValidationErrors errors)
    {
        if (existing is not null && request.Provider is not null
            && !string.Equals(request.Provider, existing.ProviderType, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("provider", "An account's provider cannot change: add a new account instead.");
            return null;
        }

        var type = request.Provider ?? existing?.ProviderType;
        if (string.IsNullOrWhiteSpace(type))
        {
            errors.Add("provider", "Give the provider type.");
            return null;
        }

        if (Describe(type) is not { } descriptor)
        {
            errors.Add("provider", $"This hub has no provider '{type}'; it has {string.Join(", ", providers.Select(p => p.Descriptor.Type))}.");
            return null;
        }

        return descriptor;
    }

    private static Channel? CheckChannel(AccountRequest request, ProviderAccount? existing, ProviderDescriptor descriptor, ValidationErrors errors)
    {
        if (request.Channel is null)
        {
            return existing?.Channel ?? descriptor.Channel;
        }

        if (!Channel.IsValidName(request.Channel) || new Channel(request.Channel) != (existing?.Channel ?? descriptor.Channel))
        {
            errors.Add("channel", $"A {descriptor.DisplayName} account sends on '{existing?.Channel ?? descriptor.Channel}'.");
            return null;
        }

        return new Channel(request.Channel);
    }
}
