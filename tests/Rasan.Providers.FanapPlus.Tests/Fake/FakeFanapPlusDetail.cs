namespace Rasan.Providers.FanapPlus.Tests.Fake;

/// <summary>A scripted synchronous outcome (<c>Details</c> entry) for a target.</summary>
/// <param name="Status">The status name, such as <c>NotSupported</c>.</param>
/// <param name="Code">The code, such as <c>405</c>.</param>
/// <param name="Description">The text, such as <c>GH-405 Message type for this channel type is not supported</c>.</param>
public sealed record FakeFanapPlusDetail(string Status, string? Code, string? Description)
{
    /// <summary>
    /// How long FanapPlus takes to learn the outcome: a call waits for it (up to its <c>SyncDeliveryTimeout</c>), and a
    /// call whose timeout is shorter is answered without <c>Details</c> when the timeout ends.
    /// </summary>
    public TimeSpan Delay { get; init; }
}
