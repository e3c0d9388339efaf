using Rasan.Host;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.AddRasanHost();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRateLimiter();
app.MapHealthChecks("/health");
app.MapOpenApi();
app.MapScalarApiReference("/docs");
app.MapRasan();
app.Run();

/// <summary>The standalone host; public so tests can start it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
