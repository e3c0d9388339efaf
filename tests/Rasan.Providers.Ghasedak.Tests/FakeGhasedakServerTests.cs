using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Rasan.Providers.Ghasedak.Tests.Fake;
using Xunit;

namespace Rasan.Providers.Ghasedak.Tests;

/// <summary>The fake itself behaves like the contract (providers/ghasedak.md §1 and §5) says, checked with plain HTTP calls.</summary>
public sealed class FakeGhasedakServerTests : IAsyncLifetime
{
    private const string Gateway = "rest/api/v1/WebService/";
    private readonly FakeGhasedakServer _fake = new();
    private HttpClient? _http;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Key => _fake.DefaultAccount.ApiKey;

    public async ValueTask InitializeAsync()
    {
        await _fake.StartAsync(Ct);
        _http = new HttpClient { BaseAddress = _fake.BaseAddress };
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        await _fake.DisposeAsync();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-key")]
    public async Task Call_MissingOrUnknownApiKey_Answers401FailureEnvelope(string? key)
    {
        var (http, json) = await ExchangeAsync(HttpMethod.Get, "GetAccountInformation", body: null, key);

        Assert.Equal(HttpStatusCode.Unauthorized, http);
        Assert.False(json.GetProperty("isSuccess").GetBoolean());
        Assert.Equal(401, json.GetProperty("statusCode").GetInt32());
        Assert.Equal(FakeGhasedakTexts.InvalidKey, json.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("data").ValueKind);
    }

    [Theory]
    [InlineData("/rest/api/v1/WebService/SendNothing")]
    [InlineData("/rest/api/v2/WebService/SendSingleSMS")]
    [InlineData("/v2/sms/send/simple")]
    public async Task Call_UnknownMethodOrPath_Answers404Envelope(string path)
    {
        var (http, json) = await PostRawAsync(path, "{}");

        Assert.Equal(HttpStatusCode.NotFound, http);
        Assert.Equal(404, json.GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task Call_WrongHttpMethod_Answers405()
    {
        var (http, _) = await GetAsync("SendSingleSMS");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, http);
    }

    [Fact]
    public async Task SendSingleSms_PathAndFieldNamesInAnyCase_AreTakenAndAnswerAStringDigitId()
    {
        var (http, json) = await PostRawAsync(
            "/REST/Api/V1/webservice/sendsinglesms",
            JsonSerializer.Serialize(new { LineNumber = FakeGhasedakServer.DefaultLine, Receptor = "09121111111", Message = "سلام", ClientReferenceId = "r-81001", SendDate = (string?)null, Udh = false }));

        Assert.Equal(HttpStatusCode.OK, http);
        Assert.True(json.GetProperty("isSuccess").GetBoolean());
        var data = json.GetProperty("data");
        Assert.Equal(JsonValueKind.String, data.GetProperty("messageId").ValueKind);
        Assert.True(data.GetProperty("messageId").GetString()!.All(char.IsAsciiDigit));
        Assert.Equal("r-81001", data.GetProperty("clientReferenceId").GetString());
        Assert.Equal(1_805, data.GetProperty("cost").GetInt64());
        Assert.EndsWith("+03:30", data.GetProperty("sendDate").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendSingleSms_ChunkedBody_IsTaken()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Gateway + "SendSingleSMS")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(
                $$"""{"lineNumber":"{{FakeGhasedakServer.DefaultLine}}","receptor":"09121111111","message":"chunked"}"""))),
        };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Add("ApiKey", Key);

        using var response = await _http!.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("chunked", Assert.Single(_fake.Messages).Text);
    }

    [Theory]
    [InlineData("""{"lineNumber":"30005088","receptor":"09121111111","message":""}""", FakeGhasedakTexts.EmptyMessage)]
    [InlineData("""{"lineNumber":"30005088","receptor":"09121111111"}""", FakeGhasedakTexts.EmptyMessage)]
    [InlineData("""{"lineNumber":"30005088","message":"hi"}""", FakeGhasedakTexts.NoReceptors)]
    [InlineData("""{"lineNumber":"30005088","receptor":"0912111111","message":"hi"}""", FakeGhasedakTexts.InvalidReceptor)]
    [InlineData("""{"lineNumber":"30005088","receptor":"+447911123456","message":"hi"}""", FakeGhasedakTexts.InvalidReceptor)]
    [InlineData("""{"lineNumber":"30005088","receptor":"02188776655","message":"hi"}""", FakeGhasedakTexts.InvalidReceptor)]
    [InlineData("""{"lineNumber":"30001234","receptor":"09121111111","message":"hi"}""", FakeGhasedakTexts.InvalidLine)]
    [InlineData("""{"receptor":"09121111111","message":"hi"}""", FakeGhasedakTexts.InvalidLine)]
    [InlineData("""{"lineNumber":"30005088","receptor":"09121111111","message":"hi","sendDate":"tomorrow"}""", FakeGhasedakTexts.InvalidDate)]
    [InlineData("""{"lineNumber":"30005088","receptor":"09121111111","message":"hi""", FakeGhasedakTexts.MalformedBody)]
    [InlineData("""["not","an","object"]""", FakeGhasedakTexts.MalformedBody)]
    public async Task SendSingleSms_InvalidRequest_Answers400EnvelopeAndStoresNothing(string body, string text)
    {
        var (http, json) = await PostRawAsync("SendSingleSMS", body);

        Assert.Equal(HttpStatusCode.BadRequest, http);
        Assert.Equal(400, json.GetProperty("statusCode").GetInt32());
        Assert.Equal(text, json.GetProperty("message").GetString());
        Assert.Empty(_fake.Messages);
        Assert.Equal(10_000_000, _fake.DefaultAccount.Credit);
    }

    [Theory]
    [InlineData("SendBulkSMS", """{"lineNumber":"30005088","receptors":[],"message":"hi"}""", FakeGhasedakTexts.NoReceptors)]
    [InlineData("SendBulkSMS", """{"lineNumber":"30005088","receptors":["09121111111","0912"],"message":"hi"}""", FakeGhasedakTexts.InvalidReceptor)]
    [InlineData("SendPairToPairSMS", """{"items":[]}""", FakeGhasedakTexts.NoReceptors)]
    [InlineData("SendPairToPairSMS", """{"items":[{"lineNumber":"30005088","receptor":"09121111111","message":"a"},{"lineNumber":"30005088","receptor":"09121111112","message":""}]}""", FakeGhasedakTexts.EmptyMessage)]
    public async Task SendManySms_OneBadMessage_Answers400ForTheWholeCallAndStoresNothing(string method, string body, string text)
    {
        var (http, json) = await PostRawAsync(method, body);

        Assert.Equal(HttpStatusCode.BadRequest, http);
        Assert.Equal(text, json.GetProperty("message").GetString());
        Assert.Empty(_fake.Messages);
    }

    [Fact]
    public async Task SendPairToPairSms_MoreItemsThanTheLimit_Answers400()
    {
        _fake.MaxItemsPerCall = 2;
        var items = string.Join(',', Enumerable.Range(1, 3).Select(i => $$"""{"lineNumber":"30005088","receptor":"0912111111{{i}}","message":"m"}"""));

        var (http, json) = await PostRawAsync("SendPairToPairSMS", $$"""{"items":[{{items}}]}""");

        Assert.Equal(HttpStatusCode.BadRequest, http);
        Assert.Equal(FakeGhasedakTexts.TooManyItems, json.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Send_CreditTooLow_AnswersTheCreditCodeAndStoresAndChargesNothing()
    {
        _fake.SetCredit(_fake.DefaultAccount, 3_000);

        var (http, json) = await PostRawAsync("SendBulkSMS", """{"lineNumber":"30005088","receptors":["09121111111","09121111112"],"message":"hi"}""");

        Assert.Equal((HttpStatusCode)402, http);
        Assert.Equal(402, json.GetProperty("statusCode").GetInt32());
        Assert.Equal(FakeGhasedakTexts.NoCredit, json.GetProperty("message").GetString());
        Assert.Empty(_fake.Messages);
        Assert.Equal(3_000, _fake.DefaultAccount.Credit);
    }

    [Fact]
    public async Task Send_SameReferenceTwice_AnswersTheFirstResultWithoutASecondCharge()
    {
        const string Body = """{"lineNumber":"30005088","receptor":"09121111111","message":"hi","clientReferenceId":"r-1"}""";

        var (_, first) = await PostRawAsync("SendSingleSMS", Body);
        var (_, again) = await PostRawAsync("SendPairToPairSMS", $$"""{"items":[{{Body}},{"lineNumber":"30005088","receptor":"09121111112","message":"new","clientReferenceId":"r-2"}]}""");

        var firstId = first.GetProperty("data").GetProperty("messageId").GetString();
        Assert.Equal(firstId, again.GetProperty("data").GetProperty("items")[0].GetProperty("messageId").GetString());
        Assert.Equal(2, _fake.Messages.Count);
        Assert.Equal(10_000_000 - (2 * 1_805), _fake.DefaultAccount.Credit);
    }

    [Fact]
    public async Task Send_SameReferenceTwiceWithDeduplicationOff_StoresAndChargesTwice()
    {
        _fake.DeduplicateReferences = false;
        const string Body = """{"lineNumber":"30005088","receptor":"09121111111","message":"hi","clientReferenceId":"r-1"}""";

        await PostRawAsync("SendSingleSMS", Body);
        await PostRawAsync("SendSingleSMS", Body);

        Assert.Equal(2, _fake.Messages.Count);
        Assert.Equal(10_000_000 - (2 * 1_805), _fake.DefaultAccount.Credit);
    }

    [Fact]
    public async Task SendBulkSms_SameReferenceTwice_AnswersTheFirstCallsResult()
    {
        const string Body = """{"lineNumber":"30005088","receptors":["09121111111","09121111112"],"message":"hi","clientReferenceId":"bulk-1","isVoice":false,"udh":false}""";

        var (_, first) = await PostRawAsync("SendBulkSMS", Body);
        var (_, again) = await PostRawAsync("SendBulkSMS", Body);

        Assert.Equal(first.GetProperty("data").GetRawText(), again.GetProperty("data").GetRawText());
        Assert.Equal(3_610, first.GetProperty("data").GetProperty("cost").GetInt64());
        Assert.Equal("bulk-1", first.GetProperty("data").GetProperty("clientReferenceId").GetString());
        Assert.Equal(2, _fake.Messages.Count);
    }

    [Theory]
    [InlineData("Ids={a},{b}&Type=1")]
    [InlineData("Ids={a}&Ids={b}&Type=1")]
    [InlineData("ids={a}, {b}&type=MessageId")]
    [InlineData("Ids={ra},{rb}&Type=2")]
    [InlineData("Ids={ra}&Ids={rb}&Type=clientReferenceId")]
    public async Task CheckSmsStatus_IdsCommaSeparatedOrRepeatedAndEveryTypeForm_AnswerTheMessages(string query)
    {
        var a = await SendOneAsync("09121111111", "ra");
        var b = await SendOneAsync("09121111112", "rb");
        _fake.ScriptStatuses("09121111112", 14);

        var (http, json) = await GetAsync("CheckSmsStatus?" + query
            .Replace("{a}", a, StringComparison.Ordinal).Replace("{b}", b, StringComparison.Ordinal)
            .Replace("{ra}", "ra", StringComparison.Ordinal).Replace("{rb}", "rb", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, http);
        var items = json.GetProperty("data").EnumerateArray().ToArray();
        Assert.Equal([a, b], items.Select(i => i.GetProperty("messageId").GetString()));
        Assert.Equal([10, 14], items.Select(i => i.GetProperty("status").GetInt32()));
        Assert.Equal(["ra", "rb"], items.Select(i => i.GetProperty("clientReferenceId").GetString()));
    }

    [Theory]
    [InlineData("Type=1", FakeGhasedakTexts.NoIds)]
    [InlineData("Ids=1,2", FakeGhasedakTexts.InvalidType)]
    [InlineData("Ids=1&Type=3", FakeGhasedakTexts.InvalidType)]
    public async Task CheckSmsStatus_MissingIdsOrType_Answers400(string query, string text)
    {
        var (http, json) = await GetAsync("CheckSmsStatus?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, http);
        Assert.Equal(text, json.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData(100, HttpStatusCode.OK)]
    [InlineData(101, HttpStatusCode.BadRequest)]
    public async Task CheckSmsStatus_HundredIdsAtMost(int count, HttpStatusCode expected)
    {
        var (http, _) = await GetAsync($"CheckSmsStatus?Type=1&Ids={string.Join(',', Enumerable.Range(1, count))}");

        Assert.Equal(expected, http);
    }

    [Fact]
    public async Task CheckSmsStatus_ScheduledSend_StaysToBeSentUntilDueThenFollowsItsScript()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 8, 0, 0, TimeSpan.Zero));
        _fake.Time = clock;
        _fake.ScriptStatuses("09121111111", 10, 14);
        var (_, sent) = await PostRawAsync(
            "SendSingleSMS", """{"lineNumber":"30005088","receptor":"09121111111","message":"later","sendDate":"2025-01-01T12:00:00"}""");
        var id = sent.GetProperty("data").GetProperty("messageId").GetString();

        var before = await StatusAsync(id);
        clock.Advance(TimeSpan.FromHours(1));
        var due = await StatusAsync(id);
        var next = await StatusAsync(id);

        Assert.Equal([2, 10, 14], [before, due, next]);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 8, 30, 0, TimeSpan.Zero), Assert.Single(_fake.Messages).SendDate);
    }

    [Fact]
    public async Task GetAccountInformation_AnswersCreditExpiryWithTheTehranOffsetAndPlan()
    {
        var (http, json) = await GetAsync("GetAccountInformation");

        Assert.Equal(HttpStatusCode.OK, http);
        Assert.Equal(FakeGhasedakTexts.Success, json.GetProperty("message").GetString());
        var data = json.GetProperty("data");
        Assert.Equal(10_000_000, data.GetProperty("credit").GetInt64());
        Assert.Equal("2027-03-20T23:59:59+03:30", data.GetProperty("expireDate").GetString());
        Assert.Equal("نقره ای", data.GetProperty("plan").GetString());
    }

    [Fact]
    public async Task Faults_StatusWithRetryAfter_AnswersTheCodeAndHeaderOnceThenRecovers()
    {
        _fake.Inject(FakeGhasedakFault.Status(429, retryAfterSeconds: 5).For("GetAccountInformation"));

        using var request = Request(HttpMethod.Get, "GetAccountInformation", Key);
        using var faulted = await _http!.SendAsync(request, Ct);
        var (after, _) = await GetAsync("GetAccountInformation");

        Assert.Equal((HttpStatusCode)429, faulted.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), faulted.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, after);
    }

    [Fact]
    public async Task Faults_FailureWithHttp200_AnswersIsSuccessFalseWithTheCode()
    {
        _fake.Inject(FakeGhasedakFault.FailureWithHttp200(500).For("GetAccountInformation"));

        var (http, json) = await GetAsync("GetAccountInformation");

        Assert.Equal(HttpStatusCode.OK, http);
        Assert.False(json.GetProperty("isSuccess").GetBoolean());
        Assert.Equal(500, json.GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task Faults_PascalCase_AnswersEveryFieldInPascalCase()
    {
        _fake.Inject(FakeGhasedakFault.PascalCase());

        var (_, json) = await PostRawAsync("SendPairToPairSMS", """{"items":[{"lineNumber":"30005088","receptor":"09121111111","message":"a","clientReferenceId":"x"}]}""");

        Assert.True(json.GetProperty("IsSuccess").GetBoolean());
        Assert.Equal("x", json.GetProperty("Data").GetProperty("Items")[0].GetProperty("ClientReferenceId").GetString());
    }

    [Fact]
    public async Task Faults_NonJsonAndSlowAndReset_AnswerAsInjected()
    {
        _fake.Inject(FakeGhasedakFault.NonJson(502).For("GetAccountInformation"));
        _fake.Inject(FakeGhasedakFault.Reset().For("GetAccountInformation"));

        using var htmlRequest = Request(HttpMethod.Get, "GetAccountInformation", Key);
        using var resetRequest = Request(HttpMethod.Get, "GetAccountInformation", Key);
        using var html = await _http!.SendAsync(htmlRequest, Ct);
        var reset = await Assert.ThrowsAsync<HttpRequestException>(() => _http.SendAsync(resetRequest, Ct));

        Assert.Equal(HttpStatusCode.BadGateway, html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(reset);
    }

    [Fact]
    public async Task Requests_AreRecordedWithTheKeyRedacted()
    {
        await PostRawAsync("SendSingleSMS", """{"lineNumber":"30005088","receptor":"09121111111","message":"hi"}""");

        var request = Assert.Single(_fake.Requests);

        Assert.Equal("/rest/api/v1/WebService/SendSingleSMS", request.Path);
        Assert.Equal("***", request.Parameters["ApiKey"]);
        Assert.Equal("09121111111", request.Parameters["receptor"]);
        Assert.DoesNotContain(request.Parameters.Values, v => v.Contains(Key, StringComparison.OrdinalIgnoreCase));
    }

    private async Task<string> SendOneAsync(string receptor, string reference)
    {
        var (_, json) = await PostRawAsync(
            "SendSingleSMS", $$"""{"lineNumber":"30005088","receptor":"{{receptor}}","message":"hi","clientReferenceId":"{{reference}}"}""");
        return json.GetProperty("data").GetProperty("messageId").GetString()!;
    }

    private async Task<int> StatusAsync(string? id)
    {
        var (_, json) = await GetAsync($"CheckSmsStatus?Ids={id}&Type=1");
        return json.GetProperty("data")[0].GetProperty("status").GetInt32();
    }

    private HttpRequestMessage Request(HttpMethod method, string path, string? apiKey)
    {
        // A path starting with '/' is taken from the server root; any other is a gateway method.
        var request = new HttpRequestMessage(method, path.StartsWith('/') ? path : Gateway + path);
        if (apiKey is not null)
        {
            request.Headers.TryAddWithoutValidation("ApiKey", apiKey);
        }

        return request;
    }

    private Task<(HttpStatusCode Status, JsonElement Json)> GetAsync(string path) => ExchangeAsync(HttpMethod.Get, path, body: null, Key);

    private Task<(HttpStatusCode Status, JsonElement Json)> PostRawAsync(string path, string body) => ExchangeAsync(HttpMethod.Post, path, body, Key);

    private async Task<(HttpStatusCode Status, JsonElement Json)> ExchangeAsync(HttpMethod method, string path, string? body, string? apiKey)
    {
        using var request = Request(method, path, apiKey);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await _http!.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }
}
