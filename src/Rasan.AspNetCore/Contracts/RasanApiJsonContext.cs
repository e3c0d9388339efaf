using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace Rasan.AspNetCore.Contracts;

/// <summary>The source-generated JSON metadata of the API's responses: camelCase, nulls written.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SendMessagesResponse))]
[JsonSerializable(typeof(MessageResponse))]
[JsonSerializable(typeof(RequestResponse))]
[JsonSerializable(typeof(MessagePageResponse))]
[JsonSerializable(typeof(ApiCallPageResponse))]
[JsonSerializable(typeof(AuditPageResponse))]
[JsonSerializable(typeof(AccountResponse))]
[JsonSerializable(typeof(AccountListResponse))]
[JsonSerializable(typeof(ApiTokenResponse))]
[JsonSerializable(typeof(ApiTokenListResponse))]
[JsonSerializable(typeof(IssuedApiTokenResponse))]
[JsonSerializable(typeof(ProblemDetails))]
internal sealed partial class RasanApiJsonContext : JsonSerializerContext;
