namespace Rasan;

/// <summary>
/// Checks a provider account before it is saved or used: its provider type is registered, its channel is the
/// provider's, every required field is set, and the provider's own checks (<see cref="Providers.IAccountValidator"/>) pass.
/// </summary>
public interface IAccountChecker
{
    /// <summary>Checks an account.</summary>
    /// <param name="account">The account.</param>
    /// <returns>A message per field at fault (<c>providerType</c>, <c>channel</c>, <c>sender</c> or a setting's name); empty when it is fine.</returns>
    ValidationErrors Check(ProviderAccount account);
}
