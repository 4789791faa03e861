using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace VirtualShopping.Infrastructure.Persistence;

/// <summary>
/// SQLite allows one writer at a time. With a busy timeout SQLite itself waits for the lock in short steps,
/// instead of the driver's coarse 150 ms sleeps that stall threads under concurrent chats; write-ahead
/// logging lets readers carry on while one connection writes.
/// </summary>
internal sealed class SqliteBusyTimeoutInterceptor : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL;";

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
