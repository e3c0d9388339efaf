using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rasan.Auditing;

namespace Rasan.AspNetCore.Logs;

/// <summary>Writes the API-call log; keeps calls for <see cref="RasanApiOptions.ApiCallLogRetention"/>.</summary>
internal sealed class ApiCallLogWriter(
    BatchedLog<ApiCall> log, IServiceProvider services, IOptions<RasanApiOptions> options, TimeProvider time, ILogger<ApiCallLogWriter> logger)
    : BatchedLogWriter<ApiCall>(log, time, logger)
{
    protected override string Name => "API-call log";

    protected override TimeSpan Retention => options.Value.ApiCallLogRetention;

    protected override Task AppendAsync(IReadOnlyList<ApiCall> batch, CancellationToken cancellationToken)
        => services.GetRequiredService<IApiCallStore>().AppendAsync(batch, cancellationToken);

    protected override Task DeleteBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
        => services.GetRequiredService<IApiCallStore>().DeleteBeforeAsync(before, cancellationToken);
}
