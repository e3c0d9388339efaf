using Microsoft.AspNetCore.Authentication;

namespace Rasan.AspNetCore.Authentication;

/// <summary>Options of the API-token scheme; it has none of its own beyond the base ones.</summary>
internal sealed class ApiTokenAuthenticationOptions : AuthenticationSchemeOptions;
