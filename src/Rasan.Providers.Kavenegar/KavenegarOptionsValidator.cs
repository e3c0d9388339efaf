using Microsoft.Extensions.Options;

namespace Rasan.Providers.Kavenegar;

/// <summary>Checks each <see cref="KavenegarOptions"/> setting against its data annotations (source-generated).</summary>
[OptionsValidator]
internal sealed partial class KavenegarOptionsValidator : IValidateOptions<KavenegarOptions>
{
}
