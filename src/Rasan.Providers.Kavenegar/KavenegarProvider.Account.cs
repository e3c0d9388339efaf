using System.Text.Json;
using Rasan.Providers.Kavenegar.Json;

namespace Rasan.Providers.Kavenegar;

internal sealed partial class KavenegarProvider
{
    private const string AccountInfoMethod = "account/info";

    /// <summary>Reads <c>account/info</c>: the remaining credit in rials and the expiry.</summary>
    /// <exception cref="HttpRequestException">Kavenegar refused the call or could not be reached; never carries the address.</exception>
    public async Task<AccountInfo> GetAccountInfoAsync(ProviderContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var apiKey = ApiKey(context) ?? throw new InvalidOperationException("The account has no Kavenegar API key.");
        var answer = await client.CallAsync(apiKey, AccountInfoMethod, [], cancellationToken);
        if (answer.Failure is { } failure)
        {
            logger.QueryFailed(AccountInfoMethod, context.Account.Name, failure.Code, failure.Text);
            throw answer.ToException(AccountInfoMethod);
        }

        var entry = ReadAccountEntry(answer.Entries);
        DateTimeOffset? expiresAt = entry.ExpireDate is > 0 and var seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
        return new AccountInfo(entry.RemainCredit, KavenegarDefaults.Currency, expiresAt);
    }

    private static KavenegarAccountEntry ReadAccountEntry(JsonElement entries)
    {
        // entries is one object for account methods; tolerate a one-element array as well.
        var element = entries.ValueKind == JsonValueKind.Array && entries.GetArrayLength() == 1 ? entries[0] : entries;
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new HttpRequestException("Kavenegar account/info answered 200 without a readable entry.");
        }

        try
        {
            return element.Deserialize(KavenegarJsonContext.Default.KavenegarAccountEntry)
                ?? throw new HttpRequestException("Kavenegar account/info answered 200 without a readable entry.");
        }
        catch (JsonException)
        {
            throw new HttpRequestException("Kavenegar account/info answered 200 with an entry that could not be read.");
        }
    }
}
