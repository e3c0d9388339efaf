using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Rasan.AspNetCore.Errors;

/// <summary>The problem details the API answers with, so each kind reads the same everywhere.</summary>
internal static class ApiProblems
{
    public static HttpValidationProblemDetails Validation(IDictionary<string, string[]> errors) => new(errors)
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "The request is invalid.",
        Detail = "See 'errors' for each field at fault. Nothing was stored.",
    };

    public static ProblemDetails TooManyRequests() => new()
    {
        Status = StatusCodes.Status429TooManyRequests,
        Title = "Too many requests.",
        Detail = "This API token made more requests than its rate allows; retry after the time in Retry-After.",
    };

    public static ProblemDetails ScopesNotHeld(IEnumerable<string> scopes) => new()
    {
        Status = StatusCodes.Status403Forbidden,
        Title = "Forbidden.",
        Detail = $"A token can grant only scopes it has itself; this one lacks {string.Join(", ", scopes.Select(s => $"'{s}'"))}.",
    };

    public static ProblemDetails NotFound(string detail) => new()
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Not found.",
        Detail = detail,
    };

    public static ProblemDetails PayloadTooLarge(long limit) => new()
    {
        Status = StatusCodes.Status413PayloadTooLarge,
        Title = "The request body is too large.",
        Detail = $"The body may be at most {limit} bytes. Nothing was stored.",
    };

    public static ProblemDetails UnsupportedMediaType() => new()
    {
        Status = StatusCodes.Status415UnsupportedMediaType,
        Title = "Unsupported media type.",
        Detail = "Send the body as 'Content-Type: application/json'.",
    };

    public static ProblemDetails StoreUnavailable() => new()
    {
        Status = StatusCodes.Status503ServiceUnavailable,
        Title = "The message store is unavailable.",
        Detail = "Rasan cannot reach its store right now; retry after the time in 'Retry-After'. Nothing was accepted.",
    };

    public static ProblemDetails IdempotencyConflict(IdempotencyConflictException exception)
    {
        var problem = exception.Kind == IdempotencyConflictKind.InFlight
            ? new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "A request with this idempotency key is still in flight.",
                Detail = exception.Message,
            }
            : new ProblemDetails
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "The idempotency key was used with a different body.",
                Detail = exception.Message,
            };
        problem.Extensions["idempotencyKey"] = exception.Key;
        return problem;
    }

    public static ProblemDetails CancelTooLate(MessageId id) => new()
    {
        Status = StatusCodes.Status409Conflict,
        Title = "Too late to cancel.",
        Detail = $"Message '{id}' was already handed to its provider or is final.",
    };

    public static ProblemDetails CallbackNotUnderstood() => new()
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "The callback carries no delivery report.",
        Detail = "The provider's parser found no report about this message in the callback.",
    };

    public static ProblemDetails BadHttpRequest(BadHttpRequestException exception) => new()
    {
        Status = exception.StatusCode,
        Title = exception.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." : "Bad request.",
        Detail = exception.Message,
    };
}
