using System.ComponentModel.DataAnnotations;

namespace Rasan.Providers.Http;

/// <summary>
/// Validates a provider's base address option (also from a source-generated options validator): absolute http or https,
/// no query or fragment. A <see langword="null"/> value is left to <see cref="RequiredAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class HttpBaseAddressAttribute : ValidationAttribute
{
    /// <inheritdoc />
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        return ProviderBaseAddress.Problem(value as Uri, validationContext.DisplayName) is { } problem
            ? new ValidationResult(problem, validationContext.MemberName is { } member ? [member] : null)
            : ValidationResult.Success;
    }
}
