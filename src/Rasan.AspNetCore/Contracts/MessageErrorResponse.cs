namespace Rasan.AspNetCore.Contracts;

/// <summary>The provider's error of a message's last failure.</summary>
internal sealed class MessageErrorResponse
{
    /// <summary>The provider's code.</summary>
    public string? Code { get; init; }

    /// <summary>The provider's text.</summary>
    public string? Text { get; init; }
}
