using Rasan.Auditing;
using Xunit;

namespace Rasan.Testing;

public abstract partial class MessageStoreConformanceTests
{
    [Fact]
    public async Task ApiCalls_Search_PagesNewestFirstWithinTheServiceAndFilters()
    {
        var calls = Enumerable.Range(0, 7)
            .Select(i => Call(_service, Start.AddSeconds(i), i % 3 == 0 ? 400 : 202, i % 2 == 0 ? "/api/v1/messages" : "/api/v1/messages/{id}"))
            .Append(Call(_otherService, Start.AddSeconds(3), 202, "/api/v1/messages"))
            .ToList();
        await ApiCalls.AppendAsync(calls, Ct);

        var first = await ApiCalls.SearchAsync(_service, new ApiCallQuery { Limit = 4 }, Ct);
        var second = await ApiCalls.SearchAsync(_service, new ApiCallQuery { Limit = 4, After = first.Next }, Ct);
        var failed = await ApiCalls.SearchAsync(_service, new ApiCallQuery { Status = 400 }, Ct);
        var window = await ApiCalls.SearchAsync(
            _service, new ApiCallQuery { From = Start.AddSeconds(2), To = Start.AddSeconds(5), Route = "/api/v1/messages/{id}" }, Ct);

        var own = calls.Where(c => c.ServiceId == _service).OrderByDescending(c => c.At).ToList();
        Assert.Equal(own.Take(4).Select(c => c.Id), first.Items.Select(c => c.Id));
        Assert.Equal(own.Skip(4).Select(c => c.Id), second.Items.Select(c => c.Id));
        Assert.Null(second.Next);
        Assert.Equal([6, 3, 0], failed.Items.Select(c => (int)(c.At - Start).TotalSeconds));
        Assert.Equal([3], window.Items.Select(c => (int)(c.At - Start).TotalSeconds));
        Assert.Equal(own[0], first.Items[0]);
    }

    [Fact]
    public async Task ApiCalls_ManyInOneAppend_AreAllStoredWithTheirFields()
    {
        // More rows than one multi-row statement holds, and not a multiple of it: full chunks and a partial one.
        var calls = Enumerable.Range(0, 123).Select(i => Call(_service, Start.AddMilliseconds(i), 200 + (i % 3), $"/r/{i}")).ToList();

        await ApiCalls.AppendAsync(calls, Ct);

        var stored = await ApiCalls.SearchAsync(_service, new ApiCallQuery { Limit = ApiCallQuery.MaxLimit }, Ct);
        Assert.Equal(calls.OrderByDescending(c => c.Id), stored.Items);
    }

    [Fact]
    public async Task ApiCalls_DeleteBefore_RemovesOnlyOlderCalls()
    {
        await ApiCalls.AppendAsync([Call(_service, Start, 200, "/a"), Call(_service, Start.AddDays(31), 200, "/b")], Ct);

        var deleted = await ApiCalls.DeleteBeforeAsync(Start.AddDays(1), Ct);

        Assert.Equal(1, deleted);
        Assert.Equal(["/b"], (await ApiCalls.SearchAsync(_service, new ApiCallQuery(), Ct)).Items.Select(c => c.Route));
    }

    private static ApiCall Call(ServiceId service, DateTimeOffset at, int status, string route) => new()
    {
        Id = Guid.CreateVersion7(at),
        At = at,
        Method = "POST",
        Route = route,
        Status = status,
        DurationMs = 1.25,
        ServiceId = service,
        TokenPrefix = "rsn_ab12",
        ClientIp = "127.0.0.1",
        RequestId = "0HN:1",
    };
}
