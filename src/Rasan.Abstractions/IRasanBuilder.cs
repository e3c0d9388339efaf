namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Configures Rasan: stores, providers and the rest. Returned by <c>AddRasan</c>.</summary>
public interface IRasanBuilder
{
    /// <summary>The service collection Rasan is being added to.</summary>
    IServiceCollection Services { get; }
}
