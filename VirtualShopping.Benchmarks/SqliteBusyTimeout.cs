using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace VirtualShopping.Benchmarks;

/// <summary>
/// An experiment, off unless --sqlite-busy-timeout is given: sets SQLite's own busy timeout on every connection
/// the app opens, so a writer waiting for the write lock is retried by SQLite in steps of a few milliseconds
/// instead of by Microsoft.Data.Sqlite, which sleeps the thread for 150 ms between attempts.
/// </summary>
internal sealed class SqliteBusyTimeout(int milliseconds) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {milliseconds:D};";
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        await using (command)
        {
            command.CommandText = $"PRAGMA busy_timeout = {milliseconds:D};";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
