namespace Rasan;

/// <summary>What an API token may do.</summary>
[Flags]
public enum ApiTokenScopes
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>Send and cancel messages.</summary>
    Send = 1,

    /// <summary>Read messages, requests and searches.</summary>
    Read = 2,

    /// <summary>Manage the service's settings.</summary>
    Manage = 4,

    /// <summary>Every scope of a service: send, read and manage.</summary>
    All = Send | Read | Manage,

    /// <summary>
    /// Administer the hub itself (provider accounts shared by every service). Only a token that has it can grant it,
    /// and <see cref="All"/> does not include it.
    /// </summary>
    Admin = 8,
}
