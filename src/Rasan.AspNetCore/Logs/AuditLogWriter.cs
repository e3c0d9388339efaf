using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rasan.Auditing;

namespace Rasan.AspNetCore.Logs;

/// <summary>Writes the audit log; keeps entries for <see cref="RasanApiOptions.AuditLogRetention"/>.</summary>
internal sealed class AuditLogWriter(
    BatchedLog<AuditEntry> log, IServiceProvider services, IOptions<RasanApiOptions> options, TimeProvider time, ILogger<AuditLogWriter> logger)
    : BatchedLogWriter<AuditEntry>(log, time, logger)
{
    protected override string Name => "audit log";

    protected override TimeSpan Retention => options.Value.AuditLogRetention;

    protected override Task AppendAsync(IReadOnlyList<AuditEntry> batch, CancellationToken cancellationToken)
        => services.GetRequiredService<IAuditStore>().AppendAsync(batch, cancellationToken);

    protected override Task DeleteBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
        => services.GetRequiredService<IAuditStore>().DeleteBeforeAsync(before, cancellationToken);
}
