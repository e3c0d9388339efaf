using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Rasan.AspNetCore.Logs;

/// <summary>Puts <see cref="ApiCallLogMiddleware"/> first in the host's pipeline, so it sees every outcome of a Rasan call.</summary>
internal sealed class ApiCallLogStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next)
        => app =>
        {
            app.UseMiddleware<ApiCallLogMiddleware>();
            next(app);
        };
}
