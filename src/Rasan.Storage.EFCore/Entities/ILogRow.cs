namespace Rasan.Storage.EFCore.Entities;

/// <summary>A row of an append-only log (API calls, audit entries): a time-ordered id and its time in ticks.</summary>
internal interface ILogRow
{
    Guid Id { get; }

    long At { get; }
}
