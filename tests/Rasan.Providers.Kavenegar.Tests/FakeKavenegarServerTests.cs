using System.Net;
using System.Text.Json;
using Rasan.Providers.Kavenegar.Tests.Fake;
using Xunit;

namespace Rasan.Providers.Kavenegar.Tests;

/// <summary>The fake itself behaves like the contract says, checked with plain HTTP calls.</summary>
public sealed class FakeKavenegarServerTests : IAsyncLifetime
{
    private readonly FakeKavenegarServer _fake = new();
    private HttpClient? _http;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Key => _fake.DefaultAccount.Key;

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

    [Fact]
    public async Task GetDate_WithoutAKey_AnswersTheServerTime()
    {
        var (http, json) = await GetAsync("v1/0/utils/getdate.json");

        Assert.Equal(HttpStatusCode.OK, http);
        Assert.Equal(200, Status(json));
        Assert.True(json.GetProperty("entries").GetProperty("unixtime").GetInt64() > 1_700_000_000);
    }

    [Fact]
    public async Task Call_UnknownKey_Answers403AndDisabledAccount401()
    {
        var (unknown, unknownJson) = await PostAsync("v1/NOPE/account/info.json");
        _fake.SetDisabled(_fake.DefaultAccount, disabled: true);
        var (disabled, disabledJson) = await PostAsync($"v1/{Key}/account/info.json");

        Assert.Equal((HttpStatusCode)403, unknown);
        Assert.Equal(403, Status(unknownJson));
        Assert.Equal(JsonValueKind.Null, unknownJson.GetProperty("entries").ValueKind);
        Assert.Equal((HttpStatusCode)401, disabled);
        Assert.Equal(401, Status(disabledJson));
    }

    [Theory]
    [InlineData("v1/{key}/sms/nosuch.json")]
    [InlineData("v1/{key}/sms/send")]
    [InlineData("v2/{key}/sms/send.json")]
    public async Task Call_UnknownMethodOrShape_Answers404Envelope(string path)
    {
        var (http, json) = await PostAsync(path.Replace("{key}", Key, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NotFound, http);
        Assert.Equal(404, Status(json));
    }

    [Theory]
    [InlineData("receptor=09121234567", 400)]
    [InlineData("receptor=&message=hi", 406)]
    [InlineData("receptor=0912123456&message=hi", 411)]
    [InlineData("receptor=09121234567,12345&message=hi", 411)]
    [InlineData("receptor=09121234567&message=hi&sender=30001234", 412)]
    [InlineData("receptor=09121234567&message=", 413)]
    [InlineData("receptor=09121234567&message=hi&date=123", 417)]
    [InlineData("receptor=09121234567&message=hi&date=abc", 417)]
    [InlineData("receptor=09121234567&message=hi&date=99999999999999", 417)]
    [InlineData("receptor=09121234567&message=hi&tag=bad tag!", 607)]
    [InlineData("receptor=09121234567,09121234568&message=hi&localid=1", 400)]
    [InlineData("receptor=09121234567&message=hi&localid=0194d1c2-7a10-7cc3-8a55-6f4e2d1b0c9a", 400)]
    public async Task Send_InvalidParameters_AnswersTheContractsCodeAndStoresNothing(string form, int expected)
    {
        var (http, json) = await PostAsync($"v1/{Key}/sms/send.json", form);

        Assert.Equal((HttpStatusCode)expected, http);
        Assert.Equal(expected, Status(json));
        Assert.Empty(_fake.Messages);
        Assert.Equal(1_000_000, _fake.DefaultAccount.Balance);
    }

    [Fact]
    public async Task Send_TextOver900AndMoreThan200Receptors_Answer413And414()
    {
        var (longText, _) = await PostAsync($"v1/{Key}/sms/send.json", Form(("receptor", "09121234567"), ("message", new string('x', 901))));
        var (tooMany, _) = await PostAsync($"v1/{Key}/sms/send.json", Form(
            ("receptor", string.Join(',', Enumerable.Range(0, 201).Select(i => $"0912{i:D7}"))), ("message", "hi")));

        Assert.Equal((HttpStatusCode)413, longText);
        Assert.Equal((HttpStatusCode)414, tooMany);
    }

    [Fact]
    public async Task Send_ValidCall_StoresWithIncreasingIdsChargesAndDecodesUtf8()
    {
        var (http, json) = await PostAsync($"v1/{Key}/sms/send.json", Form(
            ("receptor", "09121111111,+989352222222,00989123333333"), ("message", "سلام"), ("date", "0")));

        Assert.Equal(HttpStatusCode.OK, http);
        var entries = json.GetProperty("entries").EnumerateArray().ToArray();
        Assert.Equal(3, entries.Length);
        var ids = entries.Select(e => e.GetProperty("messageid").GetInt64()).ToArray();
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(3, ids.Distinct().Count());
        Assert.All(entries, e => Assert.Equal("سلام", e.GetProperty("message").GetString()));
        Assert.All(entries, e => Assert.Equal(1, e.GetProperty("status").GetInt32()));
        Assert.All(entries, e => Assert.Equal(FakeKavenegarServer.DefaultLine, e.GetProperty("sender").GetString()));
        Assert.All(entries, e => Assert.Equal(120, e.GetProperty("cost").GetInt32()));
        Assert.Equal(1_000_000 - 360, _fake.DefaultAccount.Balance);
    }

    [Fact]
    public async Task Send_QueryStringOnGet_IsAcceptedLikeAForm()
    {
        var (http, _) = await GetAsync($"v1/{Key}/sms/send.json?receptor=09121111111&message={Uri.EscapeDataString("درود")}");

        Assert.Equal(HttpStatusCode.OK, http);
        Assert.Equal("درود", Assert.Single(_fake.Messages).Text);
    }

    [Fact]
    public async Task Send_SameLocalIdAgain_ReturnsTheStoredEntryWithoutASecondCharge()
    {
        const string form = "receptor=09121111111&message=hi&localid=81001";

        var (_, first) = await PostAsync($"v1/{Key}/sms/send.json", form);
        var (_, second) = await PostAsync($"v1/{Key}/sms/send.json", form);

        Assert.Equal(MessageIds(first), MessageIds(second));
        Assert.Single(_fake.Messages);
        Assert.Equal(1_000_000 - 120, _fake.DefaultAccount.Balance);
    }

    [Fact]
    public async Task Send_CreditBelowTheCost_Answers418AndStoresNothing()
    {
        _fake.SetBalance(_fake.DefaultAccount, 200);

        var (http, json) = await PostAsync($"v1/{Key}/sms/send.json", Form(("receptor", "09121111111,09121111112"), ("message", "hi")));

        Assert.Equal((HttpStatusCode)418, http);
        Assert.Equal("اعتبار شما کافی نمی‌باشد", json.GetProperty("return").GetProperty("message").GetString());
        Assert.Empty(_fake.Messages);
        Assert.Equal(200, _fake.DefaultAccount.Balance);
    }

    [Fact]
    public async Task SendArray_ArraysOfDifferentLengths_Answers419()
    {
        var (http, _) = await PostAsync($"v1/{Key}/sms/sendarray.json", Form(
            ("receptor", """["09121111111","09121111112"]"""), ("sender", """["10004346"]"""), ("message", """["a","b"]""")));

        Assert.Equal((HttpStatusCode)419, http);
        Assert.Empty(_fake.Messages);
    }

    [Fact]
    public async Task SendArray_ValidArrays_StoresEachElementWithItsTextAndLocalId()
    {
        var (http, json) = await PostAsync($"v1/{Key}/sms/sendarray.json", Form(
            ("receptor", """["09121111111","09121111112"]"""),
            ("sender", """["10004346","10004346"]"""),
            ("message", """["یک","two"]"""),
            ("localmessageids", "11,12")));

        Assert.Equal(HttpStatusCode.OK, http);
        Assert.Equal(2, json.GetProperty("entries").GetArrayLength());
        Assert.Equal(["یک", "two"], _fake.Messages.Select(m => m.Text));
        Assert.Equal(["11", "12"], _fake.Messages.Select(m => m.LocalId));
    }

    [Fact]
    public async Task Status_ScriptedReceptor_AdvancesOneStepPerQueryAndUnknownIdsAre100()
    {
        var (_, sent) = await PostAsync($"v1/{Key}/sms/send.json", Form(("receptor", "09121111111"), ("message", "hi"), ("localid", "5")));
        var id = MessageIds(sent)[0];
        _fake.ScriptStatuses("+989121111111", 4, 10);

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var (_, json) = await PostAsync($"v1/{Key}/sms/status.json", Form(("messageid", $"{id},999")));
            var entries = json.GetProperty("entries").EnumerateArray().ToArray();
            statuses.Add(entries[0].GetProperty("status").GetInt32());
            Assert.Equal(100, entries[1].GetProperty("status").GetInt32());
        }

        var (_, byLocal) = await PostAsync($"v1/{Key}/sms/statuslocalmessageid.json", Form(("localid", "5,6")));

        Assert.Equal([4, 10, 10], statuses);
        var local = byLocal.GetProperty("entries").EnumerateArray().ToArray();
        Assert.Equal(id, local[0].GetProperty("messageid").GetInt64());
        Assert.Equal(10, local[0].GetProperty("status").GetInt32());
        Assert.Equal(100, local[1].GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Status_MoreThan500Ids_Answers414()
    {
        var (http, _) = await PostAsync($"v1/{Key}/sms/status.json", Form(("messageid", string.Join(',', Enumerable.Range(1, 501)))));

        Assert.Equal((HttpStatusCode)414, http);
    }

    [Fact]
    public async Task Cancel_QueuedMessage_BecomesCancelledAndStaysSo()
    {
        var (_, sent) = await PostAsync($"v1/{Key}/sms/send.json", Form(("receptor", "09121111111"), ("message", "hi")));
        var id = MessageIds(sent)[0];

        var (_, cancelled) = await PostAsync($"v1/{Key}/sms/cancel.json", Form(("messageid", $"{id}")));
        var (_, status) = await PostAsync($"v1/{Key}/sms/status.json", Form(("messageid", $"{id}")));

        Assert.Equal(13, cancelled.GetProperty("entries")[0].GetProperty("status").GetInt32());
        Assert.Equal(13, status.GetProperty("entries")[0].GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Send_FutureDate_IsScheduledUntilDue()
    {
        var due = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();

        var (_, sent) = await PostAsync($"v1/{Key}/sms/send.json", Form(("receptor", "09121111111"), ("message", "hi"), ("date", $"{due}")));

        Assert.Equal(2, sent.GetProperty("entries")[0].GetProperty("status").GetInt32());
        Assert.Equal(due, sent.GetProperty("entries")[0].GetProperty("date").GetInt64());
    }

    [Fact]
    public async Task Requests_AnyCall_AreRecordedWithTheKeyMasked()
    {
        await PostAsync($"v1/{Key}/account/info.json");
        await PostAsync($"v1/{Key}/sms/send.json", Form(("receptor", "09121111111"), ("message", "hi")));

        Assert.Equal(["/v1/***/account/info.json", "/v1/***/sms/send.json"], _fake.Requests.Select(r => r.Path));
        Assert.DoesNotContain(_fake.Requests, r => r.Path.Contains(Key, StringComparison.Ordinal));
        Assert.Equal("hi", _fake.Requests[1].Parameters["message"]);
    }

    [Fact]
    public async Task Faults_Http200WithErrorStatusAndNonJson_AnswerAsInjected()
    {
        _fake.Inject(FakeKavenegarFault.StatusWithHttp200(418));
        _fake.Inject(FakeKavenegarFault.NonJson(502));
        var (http200, json) = await PostAsync($"v1/{Key}/sms/send.json", Form(("receptor", "09121111111"), ("message", "hi")));
        using var form = Form(("receptor", "09121111111"), ("message", "hi"));
        using var html = await _http!.PostAsync($"v1/{Key}/sms/send.json", form, Ct);

        Assert.Equal(HttpStatusCode.OK, http200);
        Assert.Equal(418, Status(json));
        Assert.Equal(HttpStatusCode.BadGateway, html.StatusCode);
        Assert.StartsWith("<html>", await html.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Empty(_fake.Messages);
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields)
        => new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    private static int Status(JsonElement json) => json.GetProperty("return").GetProperty("status").GetInt32();

    private static long[] MessageIds(JsonElement json)
        => [.. json.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("messageid").GetInt64())];

    private Task<(HttpStatusCode, JsonElement)> PostAsync(string path, string form)
        => PostAsync(path, new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));

    private async Task<(HttpStatusCode, JsonElement)> PostAsync(string path, HttpContent? content = null)
    {
        using (content)
        {
            using var response = await _http!.PostAsync(path, content, Ct);
            return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone());
        }
    }

    private async Task<(HttpStatusCode, JsonElement)> GetAsync(string path)
    {
        using var response = await _http!.GetAsync(path, Ct);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone());
    }
}
