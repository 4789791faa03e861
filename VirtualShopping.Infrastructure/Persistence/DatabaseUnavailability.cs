using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;

namespace VirtualShopping.Infrastructure.Persistence;

/// <summary>
/// Tells a database that is busy, locked, read-only or out of reach (worth retrying shortly) from a real
/// fault, whichever provider raised it and however deeply EF Core wrapped it.
/// </summary>
public static class DatabaseUnavailability
{
    // SQLite primary result codes: BUSY, LOCKED, READONLY, IOERR, FULL, CANTOPEN, PROTOCOL.
    private static readonly HashSet<int> SqliteCodes = [5, 6, 8, 10, 13, 14, 15];

    // SQL Server: timeouts, deadlock victim, lock request timeout, database unavailable or starting,
    // service busy and connection failures (the errors EF Core's retrying strategy treats as transient).
    private static readonly HashSet<int> SqlServerNumbers =
        [-2, 2, 53, 121, 233, 1205, 1222, 4060, 4221, 10053, 10054, 10060, 10928, 10929, 40143, 40197, 40501, 40613, 49918, 49919, 49920];

    /// <summary>True when the exception, or one it wraps, says the database cannot take the work right now.</summary>
    public static bool Explains(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException sqlite when SqliteCodes.Contains(sqlite.SqliteErrorCode & 0xFF):
                case SqlException sql when sql.Errors.Cast<SqlError>().Any(error => SqlServerNumbers.Contains(error.Number)):
                case RetryLimitExceededException:
                case TimeoutException:
                    return true;
            }
        }

        return false;
    }
}
