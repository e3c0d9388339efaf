using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Rasan.AspNetCore.Errors;

namespace Rasan.AspNetCore.OpenApi;

/// <summary>
/// Declares the API-token bearer scheme in the OpenAPI document and requires it on every operation <c>MapRasan()</c>
/// mapped (known by its endpoint metadata, wherever the app put the API), and on no other.
/// </summary>
internal sealed class ApiTokenSecuritySchemeTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[RasanApiDefaults.AuthenticationScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A Rasan API token of the calling service, as 'Authorization: Bearer <token>'.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.Contains(RasanApiEndpointMetadata.Instance))
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(RasanApiDefaults.AuthenticationScheme, context.Document)] = [],
            });
        }

        return Task.CompletedTask;
    }
}
