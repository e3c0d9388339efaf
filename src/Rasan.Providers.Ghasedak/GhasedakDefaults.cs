namespace Rasan.Providers.Ghasedak;

/// <summary>Names and limits of the Ghasedak gateway API that the provider's parts share.</summary>
internal static class GhasedakDefaults
{
    /// <summary>The provider type stored on accounts.</summary>
    public const string ProviderType = "ghasedak";

    /// <summary>The name of the <see cref="System.Net.Http.IHttpClientFactory"/> client.</summary>
    public const string HttpClientName = "Rasan.Providers.Ghasedak";

    /// <summary>The account setting that holds the API key.</summary>
    public const string ApiKeyField = "apiKey";

    /// <summary>The request header the gateway reads the API key from.</summary>
    public const string ApiKeyHeader = "ApiKey";

    /// <summary>The currency of Ghasedak's credit and costs (rials).</summary>
    public const string Currency = "IRR";

    /// <summary>The gateway address, <see cref="GhasedakOptions.BaseAddress"/>'s default.</summary>
    public const string GatewayAddress = "https://gateway.ghasedak.me/rest/api/v1/WebService/";

    /// <summary>The most ids one <c>CheckSmsStatus</c> call takes.</summary>
    public const int MaxStatusIds = 100;

    /// <summary>The most messages Rasan puts in one send call.</summary>
    public const int MaxSendItems = 500;
}
