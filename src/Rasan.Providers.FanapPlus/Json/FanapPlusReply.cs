namespace Rasan.Providers.FanapPlus.Json;

/// <summary>A 200 answer: the request's <c>Puid</c>, one <c>Muid</c> per message in order, and <c>Details</c> in sync mode.</summary>
internal sealed class FanapPlusReply
{
    public string? Puid { get; init; }

    public List<string?>? Muids { get; init; }

    public List<FanapPlusDetail?>? Details { get; init; }
}
