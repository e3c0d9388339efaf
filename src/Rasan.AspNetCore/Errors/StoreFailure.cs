using System.Data.Common;

namespace Rasan.AspNetCore.Errors;

/// <summary>Recognises a store that cannot be reached or answered too late: a database error or a timeout, possibly wrapped.</summary>
internal static class StoreFailure
{
    public static bool IsUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbException or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }
}
