using System.Diagnostics.CodeAnalysis;

namespace Rasan.Providers.Ghasedak;

/// <summary>What one gateway call came to: its <c>data</c> on success, else the outcome its messages get.</summary>
/// <typeparam name="TData">The method's <c>data</c>.</typeparam>
internal readonly struct GhasedakResponse<TData>
    where TData : class
{
    private readonly TData? _data;
    private readonly SendOutcome? _failure;

    private GhasedakResponse(TData? data, SendOutcome? failure)
    {
        _data = data;
        _failure = failure;
    }

    /// <summary>A successful call.</summary>
    /// <param name="data">Its <c>data</c>.</param>
    /// <returns>The response.</returns>
    public static GhasedakResponse<TData> Success(TData data) => new(data, null);

    /// <summary>A failed call.</summary>
    /// <param name="failure">What its messages get.</param>
    /// <returns>The response.</returns>
    public static GhasedakResponse<TData> Failed(SendOutcome failure) => new(null, failure);

    /// <summary>Splits the response.</summary>
    /// <param name="data">The data, on success.</param>
    /// <param name="failure">The failure, otherwise.</param>
    /// <returns><see langword="true"/> on success.</returns>
    public bool Succeeded([NotNullWhen(true)] out TData? data, [NotNullWhen(false)] out SendOutcome? failure)
    {
        data = _data;
        failure = _failure;
        if (data is not null)
        {
            return true;
        }

        failure ??= SendOutcome.Transient(GhasedakErrors.InvalidResponse, "The call has no result.");
        return false;
    }
}
