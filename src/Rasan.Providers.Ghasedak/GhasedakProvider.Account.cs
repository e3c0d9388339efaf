using Rasan.Providers.Ghasedak.Json;

namespace Rasan.Providers.Ghasedak;

internal sealed partial class GhasedakProvider
{
    private const string AccountMethod = "GetAccountInformation";

    /// <summary>Reads <c>GetAccountInformation</c>: the credit in rials and the expiry.</summary>
    /// <exception cref="HttpRequestException">Ghasedak refused the call or could not be reached; never carries the key.</exception>
    public async Task<AccountInfo> GetAccountInfoAsync(ProviderContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!TryGetApiKey(context, out var apiKey))
        {
            throw new InvalidOperationException("The account has no usable Ghasedak API key.");
        }

        var response = await client.GetAsync(apiKey, AccountMethod, string.Empty, GhasedakJsonContext.Default.GhasedakReplyGhasedakAccountInformation, cancellationToken);
        if (!response.Succeeded(out var information, out var failure))
        {
            logger.QueryFailed(AccountMethod, context.Account.Name, failure.Code, failure.Text);
            throw GhasedakErrors.ToException(failure, AccountMethod);
        }

        return new AccountInfo(information.Credit, GhasedakDefaults.Currency, GhasedakDates.Parse(information.ExpireDate));
    }
}
