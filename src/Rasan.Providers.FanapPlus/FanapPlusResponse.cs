using System.Diagnostics.CodeAnalysis;
using Rasan.Providers.FanapPlus.Json;

namespace Rasan.Providers.FanapPlus;

/// <summary>What one <c>message/post</c> call came to: FanapPlus's answer, or the outcome all its messages get.</summary>
internal readonly struct FanapPlusResponse
{
    private readonly FanapPlusReply? _reply;
    private readonly SendOutcome? _failure;

    private FanapPlusResponse(FanapPlusReply? reply, SendOutcome? failure)
    {
        _reply = reply;
        _failure = failure;
    }

    /// <summary>A 200 answer with a <c>Puid</c>.</summary>
    /// <param name="reply">The answer.</param>
    /// <returns>The response.</returns>
    public static FanapPlusResponse Success(FanapPlusReply reply) => new(reply, null);

    /// <summary>A failed call.</summary>
    /// <param name="failure">What its messages get.</param>
    /// <returns>The response.</returns>
    public static FanapPlusResponse Failed(SendOutcome failure) => new(null, failure);

    /// <summary>Splits the response.</summary>
    /// <param name="reply">The answer, on success.</param>
    /// <param name="failure">The failure, otherwise.</param>
    /// <returns><see langword="true"/> on success.</returns>
    public bool Succeeded([NotNullWhen(true)] out FanapPlusReply? reply, [NotNullWhen(false)] out SendOutcome? failure)
    {
        reply = _reply;
        failure = _failure;
        if (reply is not null)
        {
            return true;
        }

        failure ??= FanapPlusErrors.Unreadable(0);
        return false;
    }
}
