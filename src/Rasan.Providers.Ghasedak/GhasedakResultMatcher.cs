namespace Rasan.Providers.Ghasedak;

/// <summary>
/// Pairs the results of one send answer with the messages of its request, each result used once: by
/// <c>clientReferenceId</c> first; else, among results without a reference, the one at the message's position when it
/// echoes the same receptor (or none), then the first one for the same receptor.
/// </summary>
/// <typeparam name="TResult">A result of the answer.</typeparam>
/// <param name="results">The results, in the answer's order.</param>
/// <param name="referenceOf">A result's <c>clientReferenceId</c>, if it has one.</param>
/// <param name="receptorOf">A result's receptor, if it echoes one.</param>
internal sealed class GhasedakResultMatcher<TResult>(
    IReadOnlyList<TResult> results, Func<TResult, string?> referenceOf, Func<TResult, string?> receptorOf)
    where TResult : class
{
    private readonly bool[] _taken = new bool[results.Count];

    /// <summary>Takes the result of one message.</summary>
    /// <param name="position">The message's position in the request.</param>
    /// <param name="reference">The message's <c>clientReferenceId</c>, or <see langword="null"/> when the call had one for all.</param>
    /// <param name="receptor">The national receptor sent.</param>
    /// <returns>The result, or <see langword="null"/> when the answer has none left for the message.</returns>
    public TResult? Take(int position, string? reference, string receptor)
    {
        var index = reference is null ? -1 : Find(r => string.Equals(referenceOf(r), reference, StringComparison.Ordinal));
        if (index < 0 && position < results.Count && !_taken[position] && Unreferenced(results[position])
            && receptorOf(results[position]) is var echoed && (echoed is null || GhasedakReceptor.Matches(echoed, receptor)))
        {
            index = position;
        }

        if (index < 0)
        {
            index = Find(r => Unreferenced(r) && GhasedakReceptor.Matches(receptorOf(r), receptor));
        }

        if (index < 0)
        {
            return null;
        }

        _taken[index] = true;
        return results[index];
    }

    private bool Unreferenced(TResult result) => string.IsNullOrEmpty(referenceOf(result));

    private int Find(Func<TResult, bool> predicate)
    {
        for (var i = 0; i < results.Count; i++)
        {
            if (!_taken[i] && predicate(results[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
