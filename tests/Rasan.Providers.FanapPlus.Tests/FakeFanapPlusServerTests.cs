using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rasan.Providers.FanapPlus.Tests.Fake;
using Xunit;

namespace Rasan.Providers.FanapPlus.Tests;

/// <summary>The fake holds to the contract (providers/fanapplus.md §6) for requests Rasan never makes, so the provider tests mean something.</summary>
public sealed class FakeFanapPlusServerTests : IAsyncLifetime
{
    private const string Date = "2024-05-01T08:30:00.125Z";
    private readonly FakeFanapPlusServer _fake = new();
    private readonly HttpClient _client = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _fake.StartAsync(Ct);
        _client.BaseAddress = _fake.BaseAddress;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task Post_GuideSpellingUIdAndOtherCasing_IsAccepted()
    {
        var body = Body();
        body["UId"] = body["Uid"]!.GetValue<string>();
        body.Remove("Uid");

        var (status, text) = await PostAsync(body.ToJsonString().Replace("\"Messages\"", "\"messages\"", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Matches("^[0-9a-f]{32}$", JsonDocument.Parse(text).RootElement.GetProperty("Puid").GetString());
    }

    [Fact]
    public async Task Post_ContentEncodingGzip_IsDecodedLikeApplicationGzip()
    {
        using var content = new ByteArrayContent(Gzip(Body().ToJsonString()));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add("gzip");

        using var response = await _client.PostAsync("api/v6.0/message/post", content, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(Assert.Single(_fake.Calls).Gzipped);
    }

    [Theory]
    [InlineData("Date", "2024-05-01 08:30:00", "Date must be UTC as yyyy-MM-ddTHH:mm:ss.fffZ.")]
    [InlineData("Date", "2024-05-01T08:30:00Z", "Date must be UTC as yyyy-MM-ddTHH:mm:ss.fffZ.")]
    [InlineData("ExpirationTime", "2024-05-01T12:00:00+03:30", "ExpirationTime must be UTC as yyyy-MM-ddTHH:mm:ss.fffZ.")]
    [InlineData("SyncDeliveryTimeout", "25000", "SyncDeliveryTimeout must be a number of milliseconds up to 20000.")]
    [InlineData("SyncDeliveryTimeout", "soon", "SyncDeliveryTimeout must be a number of milliseconds up to 20000.")]
    [InlineData("Uid", null, "Uid is required.")]
    public async Task Post_BadRootField_Answers400WithItsReason(string field, string? value, string reason)
    {
        var body = Body();
        body[field] = value;

        var (status, text) = await PostAsync(body.ToJsonString());

        Assert.Equal((HttpStatusCode.BadRequest, reason), (status, text));
        Assert.Empty(_fake.Messages);
    }

    [Theory]
    [InlineData("MessageType", "Advert", "Messages[0]: MessageType 'Advert' is not one of Content, PremiumContent, Subscription, Unsubscription, Verification.")]
    [InlineData("ChannelType", "Hamrah", "Messages[0]: ChannelType 'Hamrah' is not one of Imi, Mtn, Rightel, Magfa.")]
    [InlineData("Priority", "Urgent", "Messages[0]: Priority 'Urgent' is not one of Low, Normal, High.")]
    [InlineData("Sid", "ffffffffffffffffffffffffffffffff", "Messages[0]: Sid is not known.")]
    [InlineData("UserPhoneNumber", "+989121234567", "Messages[0]: UserPhoneNumber must be 09xxxxxxxxx.")]
    [InlineData("UserPhoneNumber", null, "Messages[0]: AccountId or UserPhoneNumber is required.")]
    [InlineData("Content", null, "Messages[0]: Content is required for Content.")]
    [InlineData("Signature", null, "Messages[0]: Signature is required.")]
    public async Task Post_BadMessageField_Answers400WithItsReason(string field, string? value, string reason)
    {
        var body = Body(m => m[field] = value);

        var (status, text) = await PostAsync(body.ToJsonString());

        Assert.Equal((HttpStatusCode.BadRequest, reason), (status, text));
    }

    [Fact]
    public async Task Post_TagOutsideTheAllowedCharacters_Answers400()
    {
        var (status, text) = await PostAsync(Body(m => m["Tags"] = new JsonArray("vip list!")).ToJsonString());

        Assert.Equal((HttpStatusCode.BadRequest, "Tags may hold only A-Z a-z 0-9 _ - :."), (status, text));
    }

    [Fact]
    public async Task Post_SignatureOfAnotherText_Answers403ByDefaultAnd400WhenSwitched()
    {
        var forged = Body(m => m["Content"] = "changed after signing").ToJsonString();

        var (first, reason) = await PostAsync(forged);
        _fake.SignatureFailureStatus = 400;
        var (second, _) = await PostAsync(forged);

        Assert.Equal((HttpStatusCode.Forbidden, "Messages[0]: Signature is not valid."), (first, reason));
        Assert.Equal(HttpStatusCode.BadRequest, second);
        Assert.Empty(_fake.Messages);
    }

    [Fact]
    public async Task Post_NotJsonOrNotUtf8_IsRefused()
    {
        using var plain = new StringContent(Body().ToJsonString(), Encoding.UTF8, "text/plain");
        using var latin = new StringContent(Body().ToJsonString(), Encoding.Latin1, "application/json");

        using var text = await _client.PostAsync("api/v6.0/message/post", plain, Ct);
        using var latin1 = await _client.PostAsync("api/v6.0/message/post", latin, Ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, latin1.StatusCode);
    }

    [Fact]
    public async Task Post_SyncDeliveryTimeoutWithAScript_AnswersDetailsInOrder()
    {
        _fake.ScriptDetails("09121234567", new FakeFanapPlusDetail("NotSupported", "405", "GH-405 Message type for this channel type is not supported"));
        var body = Body();
        body["SyncDeliveryTimeout"] = "5000";

        var (status, text) = await PostAsync(body.ToJsonString());

        var detail = JsonDocument.Parse(text).RootElement.GetProperty("Details")[0];
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("NotSupported", "405"), (detail.GetProperty("Status").GetString(), detail.GetProperty("Code").GetString()));
    }

    [Fact]
    public async Task Post_SyncDeliveryTimeoutShorterThanTheScript_HoldsToTheTimeoutAndLeavesDetailsOut()
    {
        _fake.ScriptDetails("09121234567", new FakeFanapPlusDetail("Delivered", null, null) { Delay = TimeSpan.FromSeconds(30) });
        var body = Body();
        body["SyncDeliveryTimeout"] = "300";
        var started = TimeProvider.System.GetTimestamp();

        var (status, text) = await PostAsync(body.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.InRange(TimeProvider.System.GetElapsedTime(started), TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(10));
        Assert.False(JsonDocument.Parse(text).RootElement.TryGetProperty("Details", out _));
    }

    [Fact]
    public async Task Post_ScriptFasterThanTheTimeout_AnswersItsDetailsAndPendingForTheOthers()
    {
        _fake.ScriptDetails("09121234567", new FakeFanapPlusDetail("Delivered", null, null) { Delay = TimeSpan.FromMilliseconds(50) });
        _fake.PendingStatus = "InProgress";
        var body = Body();
        body["SyncDeliveryTimeout"] = "20000";
        body["Messages"]!.AsArray().Add(Message("09351112233", body["Uid"]!.GetValue<string>()));

        var (status, text) = await PostAsync(body.ToJsonString());

        var details = JsonDocument.Parse(text).RootElement.GetProperty("Details");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["Delivered", "InProgress"], details.EnumerateArray().Select(d => d.GetProperty("Status").GetString()));
    }

    [Fact]
    public async Task Post_MtnWithoutReplyTo_Answers400UnlessSwitchedOff()
    {
        var uid = Guid.NewGuid().ToString("D");
        JsonObject MtnBody(string? replyTo) => new()
        {
            ["Uid"] = uid,
            ["Date"] = Date,
            ["Messages"] = new JsonArray(Message("09121234567", uid, "Mtn", replyTo)),
        };

        var (refused, reason) = await PostAsync(MtnBody(null).ToJsonString());
        var (answered, _) = await PostAsync(MtnBody("0c9d8e7f6a5b4c3d2e1f00112233aabb").ToJsonString());
        _fake.RequireReplyToForMtn = false;
        uid = Guid.NewGuid().ToString("D");
        var (lenient, _) = await PostAsync(MtnBody(null).ToJsonString());

        Assert.Equal((HttpStatusCode.BadRequest, "Messages[0]: ReplyTo is required for Mtn."), (refused, reason));
        Assert.Equal(HttpStatusCode.OK, answered);
        Assert.Equal(HttpStatusCode.OK, lenient);
        Assert.Equal(["0c9d8e7f6a5b4c3d2e1f00112233aabb", null], _fake.Messages.Select(m => m.ReplyTo));
    }

    [Theory]
    [InlineData("2031-05-01T18:00:00.125+03:30")]
    [InlineData("2031-05-01T18:00:00Z")]
    [InlineData("soon")]
    public async Task Post_MessageDeliveryDeadlineNotInTheUtcFormat_Answers400(string deadline)
    {
        var (status, text) = await PostAsync(Body(m => m["DeliveryDeadline"] = deadline).ToJsonString());

        Assert.Equal((HttpStatusCode.BadRequest, "DeliveryDeadline must be UTC as yyyy-MM-ddTHH:mm:ss.fffZ."), (status, text));
    }

    [Fact]
    public async Task Post_SameUidTwice_AnswersTheFirstAnswerAndStoresNothingMore()
    {
        var body = Body(m => m["Tags"] = new JsonArray("rasan:0194d1c27a107cc38a556f4e2d1b0c9a")).ToJsonString();

        var (_, first) = await PostAsync(body);
        var (status, second) = await PostAsync(body);

        Assert.Equal((HttpStatusCode.OK, first), (status, second));
        Assert.Single(_fake.Messages);
        Assert.Equal(1, _fake.BillableSends(MessageId.Parse("0194d1c2-7a10-7cc3-8a55-6f4e2d1b0c9a", null)));
    }

    private async Task<(HttpStatusCode Status, string Text)> PostAsync(string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync("api/v6.0/message/post", content, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>A valid single-shape body, its message changed by <paramref name="change"/> after it was signed.</summary>
    private static JsonObject Body(Action<JsonObject>? change = null)
    {
        var uid = Guid.NewGuid().ToString("D");
        var message = Message("09121234567", uid);
        change?.Invoke(message);
        return new JsonObject { ["Uid"] = uid, ["Date"] = Date, ["Messages"] = new JsonArray(message) };
    }

    /// <summary>A single-shape message to <paramref name="phone"/>, signed for <paramref name="uid"/>.</summary>
    private static JsonObject Message(string phone, string uid, string channelType = "Imi", string? replyTo = null)
    {
        var signed = FakeFanapPlusServer.SignedString(FanapPlusSignatureFieldOrder.UidThenSid, Date, uid, FakeFanapPlusServer.DefaultSid, channelType, "Content", null, "سلام");
        var message = new JsonObject
        {
            ["Sid"] = FakeFanapPlusServer.DefaultSid,
            ["UserPhoneNumber"] = phone,
            ["Content"] = "سلام",
            ["MessageType"] = "Content",
            ["ChannelType"] = channelType,
            ["Priority"] = "Normal",
            ["Signature"] = Convert.ToBase64String(FakeFanapPlusKeys.Default.SignData(Encoding.UTF8.GetBytes(signed), HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1)),
        };
        if (replyTo is not null)
        {
            message["ReplyTo"] = replyTo;
        }

        return message;
    }

    private static byte[] Gzip(string json)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(json));
        }

        return buffer.ToArray();
    }
}
