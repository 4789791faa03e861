using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace VirtualShopping.Infrastructure.Persistence;

/// <summary>
/// SQLite allows one writer at a time. With a busy timeout SQLite itself waits for the lock in short steps,
/// instead of the driver's coarse 150 ms sleeps that stall threads under concurrent chats; write-ahead
/// logging lets readers carry on while one connection writes. The driver retries a busy statement until its
/// command timeout, so the connection string's Default Timeout is set to the same bound (see
/// <see cref="WithBusyTimeout"/>): a write waits at most that long, then fails as SQLITE_BUSY.
/// </summary>
internal sealed class SqliteBusyTimeoutInterceptor(int busyTimeoutSeconds) : DbConnectionInterceptor
{
    private readonly string Pragmas = $"PRAGMA busy_timeout = {busyTimeoutSeconds * 1000}; PRAGMA journal_mode = WAL;";

    /// <summary>The connection string with the driver's busy retry bounded by the same timeout.</summary>
    public static string WithBusyTimeout(string connectionString, int busyTimeoutSeconds) =>
        new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = busyTimeoutSeconds }.ToString();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
