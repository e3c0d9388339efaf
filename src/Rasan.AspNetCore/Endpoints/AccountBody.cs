using Microsoft.AspNetCore.Http;
using Rasan.AspNetCore.Contracts;
using Rasan.AspNetCore.Errors;

namespace Rasan.AspNetCore.Endpoints;

/// <summary>Reads an account request body, or the problem to answer instead.</summary>
internal static class AccountBody
{
    /// <summary>The largest body: settings with a 4096-bit PEM key and room to spare.</summary>
    private const long MaxSize = 64 * 1024;

    public static async Task<(AccountRequest? Request, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentType is not null && !request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(ApiProblems.UnsupportedMediaType()));
        }

        if (await LimitedBodyReader.ReadAsync(request, MaxSize, cancellationToken) is not { } body)
        {
            return (null, TypedResults.Problem(ApiProblems.PayloadTooLarge(MaxSize)));
        }

        var errors = new ValidationErrors();
        return AccountRequestReader.Read(body, errors) is { } read
            ? (read, null)
            : (null, TypedResults.Problem(ApiProblems.Validation(errors.ToDictionary())));
    }
}
