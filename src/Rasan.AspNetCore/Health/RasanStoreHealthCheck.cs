using Microsoft.Extensions.Diagnostics.HealthChecks;
using Rasan.Storage;

namespace Rasan.AspNetCore.Health;

/// <summary>Healthy when the store answers a real read (a service lookup that finds nothing).</summary>
internal sealed class RasanStoreHealthCheck(ITenancyStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.GetServiceAsync(new ServiceId(Guid.Empty), cancellationToken);
            return HealthCheckResult.Healthy("The Rasan store answers.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The Rasan store does not answer.", exception);
        }
    }
}
