using Rasan.Providers;

namespace Rasan.Dispatch;

/// <summary>Checks accounts against the registered providers' descriptors and validators.</summary>
internal sealed class AccountChecker(ProviderRegistry providers) : IAccountChecker
{
    public ValidationErrors Check(ProviderAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var errors = new ValidationErrors();
        if (providers.Find(account.ProviderType) is not { } provider)
        {
            errors.Add("providerType", $"No provider of type '{account.ProviderType}' is registered.");
            return errors;
        }

        var descriptor = provider.Descriptor;
        if (account.Channel != descriptor.Channel)
        {
            errors.Add("channel", $"A {descriptor.DisplayName} account sends on '{descriptor.Channel}', not '{account.Channel}'.");
        }

        if (provider is IAccountValidator validator)
        {
            validator.Validate(account, errors);
        }

        // A field the provider's own check already named is not reported twice.
        foreach (var field in descriptor.Fields)
        {
            if (field.Required && !errors.Contains(field.Name) && string.IsNullOrWhiteSpace(account.Settings.GetValueOrDefault(field.Name)))
            {
                errors.Add(field.Name, $"{field.DisplayName} is required for a {descriptor.DisplayName} account.");
            }
        }

        return errors;
    }
}
