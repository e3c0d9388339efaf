using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Rasan.AspNetCore.Endpoints;

namespace Rasan.AspNetCore.OpenApi;

/// <summary>Declares the API-token bearer scheme in the OpenAPI document and requires it on every Rasan operation.</summary>
internal sealed class ApiTokenSecuritySchemeTransformer : IOpenApiDocumentTransformer
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

        foreach (var (path, item) in document.Paths)
        {
            if (!path.StartsWith(RasanEndpointPaths.Prefix + "/", StringComparison.Ordinal) || item.Operations is null)
            {
                continue;
            }

            foreach (var operation in item.Operations.Values)
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(RasanApiDefaults.AuthenticationScheme, document)] = [],
                });
            }
        }

        return Task.CompletedTask;
    }
}
