namespace Rasan.Auditing;

/// <summary>Where the API-call log is kept.</summary>
public interface IApiCallStore
{
    /// <summary>Adds calls, in one write.</summary>
    /// <param name="calls">The calls.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when stored.</returns>
    Task AppendAsync(IReadOnlyList<ApiCall> calls, CancellationToken cancellationToken);

    /// <summary>Searches one service's calls, newest first.</summary>
    /// <param name="service">The service.</param>
    /// <param name="query">The filters and page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    Task<ApiCallPage> SearchAsync(ServiceId service, ApiCallQuery query, CancellationToken cancellationToken);

    /// <summary>Deletes the calls older than a time (retention).</summary>
    /// <param name="before">The oldest time kept.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many were deleted.</returns>
    Task<int> DeleteBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
