using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Rasan.AspNetCore.Tests;

public sealed class SendValidationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string> BadBodies => new()
    {
        { "malformed JSON", """{"to": ["+98912""", "$" },
        { "empty body", "", "$" },
        { "array body", """[{"to": "+989121234567", "text": "x"}]""", "$" },
        { "to is a string", """{"to": "+989121234567", "text": "x"}""", "to" },
        { "text is a number", """{"to": ["+989121234567"], "text": 5}""", "text" },
        { "recipient is a number", """{"to": ["+989121234567", 989121234567], "text": "x"}""", "to[1]" },
        { "empty text", """{"to": ["+989121234567"], "text": ""}""", "text" },
        { "missing text", """{"to": ["+989121234567"]}""", "text" },
        { "no recipients", """{"to": [], "text": "x"}""", "to" },
        { "invalid number", """{"to": ["+989121234567", "12ab"], "text": "x"}""", "to[1]" },
        { "batch with empty text", """{"messages": [{"to": "+989121234567", "text": "a"}, {"to": "+989121234568", "text": ""}]}""", "messages[1].text" },
        { "batch with invalid number", """{"messages": [{"to": "12", "text": "a"}]}""", "messages[0].to" },
        { "batch item not an object", """{"messages": ["+989121234567"]}""", "messages[0]" },
        { "both shapes", """{"to": ["+989121234567"], "text": "x", "messages": [{"to": "+989121234567", "text": "a"}]}""", "messages" },
        { "unknown account", """{"to": ["+989121234567"], "text": "x", "account": "nope"}""", "account" },
        { "providerOptions not an object", """{"to": ["+989121234567"], "text": "x", "providerOptions": ["kind"]}""", "providerOptions" },
        { "provider option not a string", """{"to": ["+989121234567"], "text": "x", "providerOptions": {"kind": 5}}""", "providerOptions.kind" },
        { "provider option the account's provider lacks", """{"to": ["+989121234567"], "text": "x", "providerOptions": {"kind": "Plain"}}""", "providerOptions.kind" },
        { "batch provider option not a string", """{"messages": [{"to": "+989121234567", "text": "a", "providerOptions": {"kind": null}}]}""", "messages[0].providerOptions.kind" },
        { "waitSeconds over 20", """{"to": ["+989121234567"], "text": "x", "waitSeconds": 60}""", "waitSeconds" },
        { "waitSeconds negative", """{"to": ["+989121234567"], "text": "x", "waitSeconds": -1}""", "waitSeconds" },
        { "waitSeconds fractional", """{"to": ["+989121234567"], "text": "x", "waitSeconds": 1.5}""", "waitSeconds" },
        { "waitSeconds a string", """{"to": ["+989121234567"], "text": "x", "waitSeconds": "5"}""", "waitSeconds" },
        { "expired expiresAt", """{"to": ["+989121234567"], "text": "x", "expiresAt": "2001-01-01T00:00:00Z"}""", "expiresAt" },
        { "expiresAt without offset", """{"to": ["+989121234567"], "text": "x", "expiresAt": "2099-01-01T00:00:00"}""", "expiresAt" },
        { "sendAt not a time", """{"to": ["+989121234567"], "text": "x", "sendAt": "tomorrow"}""", "sendAt" },
        { "unknown priority", """{"to": ["+989121234567"], "text": "x", "priority": "urgent"}""", "priority" },
        { "text with NUL", """{"to": ["+989121234567"], "text": "a\u0000b"}""", "text" },
        { "text with a lone surrogate", """{"to": ["+989121234567"], "text": "\ud800"}""", "text" },
        { "tag with a lone surrogate", """{"to": ["+989121234567"], "text": "x", "tags": ["ok", "\udc00"]}""", "tags[1]" },
        { "recipient with NUL", """{"to": ["+989121234567\u0000"], "text": "x"}""", "to[0]" },
        { "tag not a string", """{"to": ["+989121234567"], "text": "x", "tags": ["a", 1]}""", "tags[1]" },
        { "unknown field", """{"to": ["+989121234567"], "text": "x", "serviceId": "b"}""", "serviceId" },
        { "unknown batch field", """{"messages": [{"to": "+989121234567", "text": "a", "cost": 0}]}""", "messages[0].cost" },
        { "duplicate field", """{"to": ["+989121234567"], "text": "x", "text": "y"}""", "text" },
        { "too many recipients", $$"""{"to": [{{string.Join(",", Enumerable.Range(0, 1001).Select(i => $"\"+98912{i:D7}\""))}}], "text": "x"}""", "to" },
        { "text too long", $$"""{"to": ["+989121234567"], "text": "{{new string('x', 1601)}}"}""", "text" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Send_BadInput_Answers400NamingTheFieldAndStoresNothing(string scenario, string body, string errorKey)
    {
        Assert.NotEmpty(scenario);
        await using var api = await TestApi.StartAsync();
        await TestApi.SendOneAsync(api.A);
        var before = await api.CountMessagesAsync(api.ServiceA);

        using var response = await api.A.PostAsync("/api/v1/messages", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await TestApi.ReadJsonAsync(response);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        var keys = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Contains(errorKey, keys);
        Assert.Equal(before, await api.CountMessagesAsync(api.ServiceA));
    }

    [Fact]
    public async Task Send_SeveralUnknownFields_NamesEachOfThem()
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.A.PostAsJsonAsync(
            "/api/v1/messages",
            new { to = new[] { "+989121234567" }, text = "x", serviceId = "b", status = "delivered", leaseOwner = "me", keyHash = "00" },
            Ct);

        Assert.Equal(400, (int)response.StatusCode);
        var keys = (await TestApi.ReadJsonAsync(response)).GetProperty("errors").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "serviceId", "status", "leaseOwner", "keyHash" }, keys);
        Assert.Equal(0, await api.CountMessagesAsync(api.ServiceA));
    }

    [Fact]
    public async Task Send_BadIdempotencyKey_Answers400NamingTheHeader()
    {
        await using var api = await TestApi.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/messages")
        {
            Content = JsonContent.Create(new { to = new[] { "+989121234567" }, text = "x" }),
        };
        request.Headers.Add("Idempotency-Key", new string('k', 500));

        using var response = await api.A.SendAsync(request, Ct);

        Assert.Equal(400, (int)response.StatusCode);
        var errors = (await TestApi.ReadJsonAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("Idempotency-Key", out _), errors.ToString());
    }

    [Fact]
    public async Task Send_ValidationProblem_ListsEveryBadFieldAtOnce()
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.A.PostAsync(
            "/api/v1/messages",
            new StringContent("""{"to": [1, "+989121234567", true], "text": 5, "waitSeconds": 99}""", Encoding.UTF8, "application/json"),
            Ct);

        var errors = (await TestApi.ReadJsonAsync(response)).GetProperty("errors");
        Assert.Equal(
            ["text", "to[0]", "to[2]", "waitSeconds"],
            errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(JsonValueKind.Array, errors.GetProperty("text").ValueKind);
    }
}
