namespace Rasan.Providers.FanapPlus.Json;

/// <summary>The synchronous outcome of one message, such as <c>NotSupported</c> / <c>405</c> / <c>GH-405 …</c>.</summary>
internal sealed class FanapPlusDetail
{
    public string? Status { get; init; }

    public string? Code { get; init; }

    public string? Description { get; init; }
}
