using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Rasan.AspNetCore.Contracts;
using Rasan.Providers;

namespace Rasan.AspNetCore.OpenApi;

/// <summary>
/// Documents <c>providerOptions</c> of the send body from the providers this hub has: one string property per option,
/// named after the providers that declare it, with its allowed values; any other name is rejected.
/// </summary>
internal sealed class ProviderOptionsSchemaTransformer(IEnumerable<IMessageProvider> providers) : IOpenApiSchemaTransformer
{
    private const string PropertyName = "providerOptions";

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if ((type == typeof(SendMessagesRequest) || type == typeof(SendMessageItem))
            && schema.Properties?.TryGetValue(PropertyName, out var found) == true && found is OpenApiSchema options)
        {
            Describe(options);
        }

        return Task.CompletedTask;
    }

    private void Describe(OpenApiSchema options)
    {
        var declared = providers
            .SelectMany(p => p.Descriptor.Options.Select(o => (Provider: p.Descriptor, Option: o)))
            .GroupBy(d => d.Option.Name, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        options.Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        foreach (var option in declared)
        {
            var property = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = string.Join(
                    " ", option.Select(d => $"{d.Provider.DisplayName} ('{d.Provider.Type}' accounts): {d.Option.Description}")),
            };
            if (option.Count() == 1 && option.Single().Option.AllowedValues is { } allowed)
            {
                property.Enum = [.. allowed.Select(v => (JsonNode)JsonValue.Create(v))];
            }

            options.Properties[option.Key] = property;
        }

        options.AdditionalPropertiesAllowed = false;
        options.AdditionalProperties = null;
        options.Description = declared.Count == 0
            ? "Options of the account's provider. No provider of this hub has any, so none may be given."
            : "Options of the account's provider; each option applies to accounts of the providers named in it, and any "
                + "other option is rejected (400, naming the field). In a batch, a message's options override the request's by name.";
    }
}
