using Rasan.Auditing;
using Rasan.Storage;

namespace Rasan.Testing;

/// <summary>The stores of one storage, empty: messages, tenancy, the API-call log and the audit log.</summary>
/// <param name="Messages">The message store.</param>
/// <param name="Tenancy">The tenancy store.</param>
/// <param name="ApiCalls">The API-call log.</param>
/// <param name="Audit">The audit log.</param>
public sealed record StoreSet(IMessageStore Messages, ITenancyStore Tenancy, IApiCallStore ApiCalls, IAuditStore Audit);
