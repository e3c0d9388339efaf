using System.Globalization;
using Microsoft.Extensions.Options;

namespace Rasan.Development;

/// <summary>What the development provider received, in arrival order (and, when configured, in a file).</summary>
public sealed class DevelopmentLedger
{
    private readonly Lock _lock = new();
    private readonly List<DevelopmentDelivery> _deliveries = [];
    private readonly string? _path;

    /// <summary>Creates the ledger.</summary>
    /// <param name="options">The provider's settings.</param>
    public DevelopmentLedger(IOptions<DevelopmentProviderOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _path = options.Value.LedgerPath;
    }

    /// <summary>A copy of every send attempt received so far.</summary>
    public IReadOnlyList<DevelopmentDelivery> Deliveries
    {
        get
        {
            lock (_lock)
            {
                return _deliveries.ToArray();
            }
        }
    }

    internal void Record(IReadOnlyList<DevelopmentDelivery> deliveries)
    {
        lock (_lock)
        {
            _deliveries.AddRange(deliveries);
            if (_path is not null)
            {
                File.AppendAllLines(
                    _path,
                    deliveries.Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.MessageId},{d.Attempt},{d.To}")));
            }
        }
    }
}
