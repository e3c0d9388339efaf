using Microsoft.Extensions.Options;

namespace Rasan.Providers.FanapPlus;

/// <summary>Checks each <see cref="FanapPlusOptions"/> setting against its data annotations (source-generated).</summary>
[OptionsValidator]
internal sealed partial class FanapPlusOptionsValidator : IValidateOptions<FanapPlusOptions>
{
}
