namespace Rasan.Providers.Kavenegar;

/// <summary>Names shared by the Kavenegar provider's parts.</summary>
internal static class KavenegarDefaults
{
    /// <summary>The provider type stored on accounts.</summary>
    public const string ProviderType = "kavenegar";

    /// <summary>The name of the <see cref="System.Net.Http.IHttpClientFactory"/> client.</summary>
    public const string HttpClientName = "Rasan.Providers.Kavenegar";

    /// <summary>The account field that holds the API key.</summary>
    public const string ApiKeyField = "apiKey";

    /// <summary>The currency of Kavenegar's balances and costs.</summary>
    public const string Currency = "IRR";

    /// <summary>The <c>return.status</c> of success.</summary>
    public const int Ok = 200;

    /// <summary>The most receptors one send call takes.</summary>
    public const int MaxSendBatch = 200;

    /// <summary>The most message ids one status call takes.</summary>
    public const int MaxStatusBatch = 500;
}
