namespace Rasan.Providers.FanapPlus;

internal sealed partial class FanapPlusProvider
{
    /// <summary>
    /// Checks every setting and reads the private key (which must sign), so a bad account is refused when it is saved:
    /// one message per field at fault, naming the account; never quoting the key or its password.
    /// </summary>
    public void Validate(ProviderAccount account, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(errors);
        FanapPlusAccount.Read(account, _options.SignatureFieldOrder, errors);
        var problem = FanapPlusKeyReader.TryRead(
            account.Settings.GetValueOrDefault(FanapPlusDefaults.PrivateKeyField),
            account.Settings.GetValueOrDefault(FanapPlusDefaults.PrivateKeyPasswordField),
            out var key);
        key?.Dispose();
        if (problem != FanapPlusKeyProblem.None)
        {
            var (field, message) = FanapPlusKeyReader.Describe(problem, account.Name);
            errors.Add(field, message);
        }
    }
}
