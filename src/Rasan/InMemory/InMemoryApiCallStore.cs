using Rasan.Auditing;

namespace Rasan.InMemory;

/// <summary>The API-call log in memory, for tests and demos: lost when the process ends.</summary>
internal sealed class InMemoryApiCallStore : IApiCallStore
{
    private readonly Lock _lock = new();
    // Appended as they come (nearly in id order); searches, which are rare, sort. An append must stay O(1): one
    // comes with every API call.
    private readonly List<ApiCall> _calls = [];

    public Task AppendAsync(IReadOnlyList<ApiCall> calls, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(calls);
        lock (_lock)
        {
            _calls.AddRange(calls);
        }

        return Task.CompletedTask;
    }

    public Task<ApiCallPage> SearchAsync(ServiceId service, ApiCallQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = Math.Clamp(query.Limit, 1, ApiCallQuery.MaxLimit);
        lock (_lock)
        {
            var page = _calls
                .Where(c => c.ServiceId == service
                    && (query.After is not { } after || c.Id.CompareTo(after) < 0)
                    && (query.From is not { } from || c.At >= from)
                    && (query.To is not { } to || c.At < to)
                    && (query.Status is not { } status || c.Status == status)
                    && (query.Route is not { } route || c.Route == route))
                .OrderByDescending(x => x.Id)
                .Take(limit + 1)
                .ToList();
            var next = page.Count > limit ? page[limit - 1].Id : (Guid?)null;
            return Task.FromResult(new ApiCallPage([.. page.Take(limit)], next));
        }
    }

    public Task<int> DeleteBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_calls.RemoveAll(c => c.At < before));
        }
    }
}
