using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Rasan.AspNetCore;
using Rasan.AspNetCore.Authentication;
using Rasan.AspNetCore.Endpoints;
using Rasan.AspNetCore.Errors;
using Rasan.AspNetCore.Health;
using Rasan.AspNetCore.Logs;
using Rasan.AspNetCore.OpenApi;
using Rasan.AspNetCore.RateLimiting;
using Rasan.Auditing;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Rasan HTTP API v1 to Rasan.</summary>
public static class RasanApiServiceCollectionExtensions
{
    /// <summary>The name of the store health check the API registers.</summary>
    public const string StoreHealthCheckName = "rasan-store";

    /// <summary>
    /// Adds what <c>MapRasan()</c> needs: the API-token authentication scheme
    /// (<see cref="RasanApiDefaults.AuthenticationScheme"/>), the <c>send</c> and <c>read</c> policies, problem details,
    /// an exception handler for Rasan endpoints and a store health check.
    /// </summary>
    /// <param name="builder">The builder <c>AddRasan()</c> returned.</param>
    /// <param name="configure">Sets the options; <see langword="null"/> keeps the defaults.</param>
    /// <returns>The same <see cref="IRasanBuilder"/>, for chaining.</returns>
    /// <remarks>Safe to call more than once. It never changes the host's default authentication scheme.</remarks>
    public static IRasanBuilder AddRasanApi(this IRasanBuilder builder, Action<RasanApiOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddCore(builder.Services);
        if (configure is not null)
        {
            builder.Services.Configure(configure);
        }

        return builder;
    }

    /// <summary>Adds the Rasan HTTP API v1 with options bound from a configuration section (usually <c>Rasan:Api</c>).</summary>
    /// <param name="builder">The builder <c>AddRasan()</c> returned.</param>
    /// <param name="section">The section; an unknown key fails start-up with its path.</param>
    /// <returns>The same <see cref="IRasanBuilder"/>, for chaining.</returns>
    public static IRasanBuilder AddRasanApi(this IRasanBuilder builder, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        AddCore(builder.Services);
        builder.Services.AddOptions<RasanApiOptions>().Bind(section, o => o.ErrorOnUnknownConfiguration = true);
        return builder;
    }

    private static void AddCore(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(RasanApiMarker)))
        {
            return;
        }

        services.AddSingleton<RasanApiMarker>();
        services.AddOptions<RasanApiOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RasanApiOptions>, RasanApiOptionsValidator>());

        services.AddProblemDetails();
        services.AddExceptionHandler<RasanApiExceptionHandler>();
        services.TryAddSingleton<ApiExceptionFilter>();
        services.TryAddSingleton<AccountEditor>();
        services.TryAddSingleton<BatchedLog<ApiCall>>();
        services.TryAddSingleton<BatchedLog<AuditEntry>>();
        services.TryAddSingleton<AuditRecorder>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, ApiCallLogStartupFilter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ApiCallLogWriter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, AuditLogWriter>());

        services.AddAuthentication()
            .AddScheme<ApiTokenAuthenticationOptions, ApiTokenAuthenticationHandler>(RasanApiDefaults.AuthenticationScheme, displayName: "Rasan API token", configureOptions: null);
        services.AddAuthorizationBuilder()
            .AddPolicy(RasanApiDefaults.SendPolicy, policy => policy
                .AddAuthenticationSchemes(RasanApiDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .RequireClaim(RasanClaimTypes.Scope, ApiTokenScopeNames.Send))
            .AddPolicy(RasanApiDefaults.ReadPolicy, policy => policy
                .AddAuthenticationSchemes(RasanApiDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .RequireClaim(RasanClaimTypes.Scope, ApiTokenScopeNames.Read))
            .AddPolicy(RasanApiDefaults.ManagePolicy, policy => policy
                .AddAuthenticationSchemes(RasanApiDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .RequireClaim(RasanClaimTypes.Scope, ApiTokenScopeNames.Manage))
            .AddPolicy(RasanApiDefaults.AdminPolicy, policy => policy
                .AddAuthenticationSchemes(RasanApiDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .RequireClaim(RasanClaimTypes.Scope, ApiTokenScopeNames.Admin));

        services.AddRateLimiter(o => o.AddPolicy<string, ApiTokenRateLimitPolicy>(RasanApiDefaults.RateLimitPolicy));
        services.ConfigureAll<OpenApiOptions>(o => o
            .AddDocumentTransformer<ApiTokenSecuritySchemeTransformer>()
            .AddOperationTransformer<ApiTokenSecuritySchemeTransformer>()
            .AddSchemaTransformer<ProviderOptionsSchemaTransformer>());
        services.AddHealthChecks().AddCheck<RasanStoreHealthCheck>(StoreHealthCheckName, tags: ["rasan", "ready"]);
    }

    /// <summary>Marks a service collection the API was added to.</summary>
    internal sealed class RasanApiMarker;
}
