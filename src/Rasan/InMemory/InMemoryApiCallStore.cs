using Rasan.Auditing;

namespace Rasan.InMemory;

/// <summary>The API-call log in memory, for tests and demos: lost when the process ends.</summary>
internal sealed class InMemoryApiCallStore : IApiCallStore
{
    private readonly InMemoryLog<ApiCall> _calls = new(c => c.Id, c => c.At);

    public Task AppendAsync(IReadOnlyList<ApiCall> calls, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(calls);
        _calls.Append(calls);
        return Task.CompletedTask;
    }

    public Task<ApiCallPage> SearchAsync(ServiceId service, ApiCallQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (items, next) = _calls.Page(
            c => c.ServiceId == service && (query.Status is not { } status || c.Status == status) && (query.Route is not { } route || c.Route == route),
            query.After,
            query.From,
            query.To,
            query.Limit,
            ApiCallQuery.MaxLimit);
        return Task.FromResult(new ApiCallPage(items, next));
    }

    public Task<int> DeleteBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
        => Task.FromResult(_calls.DeleteBefore(before));
}
