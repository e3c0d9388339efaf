namespace Rasan.Providers;

/// <summary>A provider capability: turning the provider's delivery callbacks into reports.</summary>
public interface ICallbackParser
{
    /// <summary>Parses one callback.</summary>
    /// <param name="payload">The callback.</param>
    /// <returns>The reports it carries; empty when it carries none Rasan understands.</returns>
    IReadOnlyList<DeliveryReport> Parse(CallbackPayload payload);
}
