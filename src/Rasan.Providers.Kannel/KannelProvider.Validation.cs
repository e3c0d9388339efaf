namespace Rasan.Providers.Kannel;

/// <summary>Checking a Kannel account's settings when it is added or changed.</summary>
internal sealed partial class KannelProvider
{
    public void Validate(ProviderAccount account, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(errors);
        _ = KannelAccount.Read(account, errors);
    }
}
