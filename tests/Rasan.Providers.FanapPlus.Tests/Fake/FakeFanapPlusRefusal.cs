namespace Rasan.Providers.FanapPlus.Tests.Fake;

/// <summary>Ends a call's processing with an HTTP status and a plain-text reason.</summary>
/// <param name="status">The status: 400 or 403.</param>
/// <param name="reason">The reason.</param>
internal sealed class FakeFanapPlusRefusal(int status, string reason) : Exception(reason)
{
    /// <summary>The status.</summary>
    public int Status { get; } = status;
}
