namespace Rasan.Auditing;

/// <summary>A page of API calls, newest first.</summary>
/// <param name="Items">The calls.</param>
/// <param name="Next">Where the next page starts, or <see langword="null"/> on the last page.</param>
public sealed record ApiCallPage(IReadOnlyList<ApiCall> Items, Guid? Next);
