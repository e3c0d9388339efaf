using Rasan.Storage;

namespace Rasan.Testing;

/// <summary>A message store and a tenancy store over the same, empty storage.</summary>
/// <param name="Messages">The message store.</param>
/// <param name="Tenancy">The tenancy store.</param>
public sealed record StorePair(IMessageStore Messages, ITenancyStore Tenancy);
