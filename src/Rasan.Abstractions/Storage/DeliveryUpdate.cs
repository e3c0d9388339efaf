using Rasan.Providers;

namespace Rasan.Storage;

/// <summary>A delivery report matched to an account, about to be applied.</summary>
/// <param name="AccountId">The account the report came through.</param>
/// <param name="Report">The report: keyed by Rasan id or by the provider's id.</param>
public sealed record DeliveryUpdate(AccountId AccountId, DeliveryReport Report);
