using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace VirtualShopping.Infrastructure.Persistence;

/// <summary>
/// SQLite lets one connection write at a time; the others find the database busy and SQLite's busy handler puts their
/// thread to sleep in growing steps (1, 2, 5 … 100 ms), however soon the lock frees, with no order among the waiters.
/// Under load that turned a 2 ms claim into a wait of up to seconds and held pool threads asleep (issue 11's benchmark).
/// This gate makes this process's writers take turns first, waiting asynchronously in order: a transaction
/// holds it from its start (Microsoft.Data.Sqlite begins IMMEDIATE: the write lock is taken at BEGIN) to its commit,
/// rollback or failure; a write outside a transaction (EF's single-statement SaveChanges, ExecuteUpdate) for its one
/// command. Reads never wait (write-ahead logging lets them run beside the writer).
/// Other processes still meet SQLite's own lock and busy timeout, as before. A turn held by a transaction that ended
/// without a commit or rollback (disposed) ends when its connection closes or is seen to have no transaction open;
/// a writer that cannot get its turn within the busy timeout goes ahead without it, and SQLite decides as before.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Lives as long as its host's context options; a SemaphoreSlim whose wait handle is never asked for holds nothing to dispose.")]
public sealed class SqliteWriteGate(TimeSpan patience) : IDbTransactionInterceptor, IDbCommandInterceptor, IDbConnectionInterceptor
{
    /// <summary>The meter of the turns: how long writers waited for one and held it (milliseconds), for dashboards and the benchmark.</summary>
    public const string MeterName = "VirtualShopping.SqliteWriteGate";

    private static readonly System.Diagnostics.Metrics.Meter Meter = new(MeterName);
    private static readonly System.Diagnostics.Metrics.Histogram<double> Waited = Meter.CreateHistogram<double>("sqlite.write_turn.wait", "ms");
    private static readonly System.Diagnostics.Metrics.Histogram<double> HeldFor = Meter.CreateHistogram<double>("sqlite.write_turn.hold", "ms");
    // Waiters look for abandoned turns this often (each look re-queues the waiter: not too often with hundreds waiting).
    private static readonly TimeSpan Slice = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly ConcurrentDictionary<DbConnection, Turn> turns = new(ReferenceEqualityComparer.Instance);

    // A committed SqliteTransaction no longer knows its connection: remembered from its start.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbTransaction, DbConnection> connections = [];

    // Transactions: from their start to their end.
    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Enter(connection, forCommand: false);
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(connection, forCommand: false, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        connections.AddOrUpdate(result, connection);
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        connections.AddOrUpdate(result, connection);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Leave(ConnectionOf(transaction));

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Left(ConnectionOf(transaction));

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Leave(ConnectionOf(transaction));

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Left(ConnectionOf(transaction));

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => LeaveIfNoTransaction(ConnectionOf(transaction));

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveIfNoTransaction(ConnectionOf(transaction));
        return Task.CompletedTask;
    }

    private DbConnection? ConnectionOf(DbTransaction? transaction) =>
        transaction is null ? null : transaction.Connection ?? (connections.TryGetValue(transaction, out var connection) ? connection : null);

    // Writes outside a transaction: for their one command.
    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        EnterForCommand(command);
        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await EnterForCommandAsync(command, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        EnterForCommand(command);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await EnterForCommandAsync(command, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        EnterForCommand(command);
        return result;
    }

    public async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await EnterForCommandAsync(command, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        LeaveCommand(command);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        LeaveCommand(command);
        return ValueTask.FromResult(result);
    }

    public object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        LeaveCommand(command);
        return result;
    }

    public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        LeaveCommand(command);
        return ValueTask.FromResult(result);
    }

    // A reader's statement writes until it has been read to the end (INSERT … RETURNING): its turn ends with the reader.
    public InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        LeaveCommand(command);
        return result;
    }

    public ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        LeaveCommand(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        LeaveCommand(command);
        return result;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => LeaveCommand(command);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveCommand(command);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => LeaveCommand(command);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveCommand(command);
        return Task.CompletedTask;
    }

    // A connection that closes holds no turn (a transaction disposed without commit or rollback rolled back).
    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Leave(connection);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Leave(connection);
        return ValueTask.FromResult(result);
    }

    /// <summary>How many turns are held now (0 when every writer has finished).</summary>
    public int Held => turns.Count;

    private static bool Writes(DbCommand command) =>
        command.Transaction is null
        && !command.CommandText.AsSpan().TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
        && !command.CommandText.AsSpan().TrimStart().StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase);

    private void EnterForCommand(DbCommand command)
    {
        if (command.Connection is { } connection && Writes(command))
        {
            Enter(connection, forCommand: true);
        }
    }

    private Task EnterForCommandAsync(DbCommand command, CancellationToken cancellationToken) =>
        command.Connection is { } connection && Writes(command) ? EnterAsync(connection, forCommand: true, cancellationToken) : Task.CompletedTask;

    private void Enter(DbConnection connection, bool forCommand)
    {
        if (turns.ContainsKey(connection))
        {
            return; // its own earlier turn, not yet seen to end
        }

        var started = Stopwatch.GetTimestamp(); // a technical bound, like SQLite's own busy timeout: not the app's clock
        while (!gate.Wait(Slice))
        {
            EndAbandonedTurns();
            if (Stopwatch.GetElapsedTime(started) >= patience)
            {
                return; // go ahead without a turn: SQLite's lock decides
            }
        }

        Waited.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("for", forCommand ? "command" : "transaction"));
        turns[connection] = new Turn(forCommand, Stopwatch.GetTimestamp());
    }

    private async Task EnterAsync(DbConnection connection, bool forCommand, CancellationToken cancellationToken)
    {
        if (turns.ContainsKey(connection))
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        while (!gate.Wait(0, cancellationToken) && !await gate.WaitAsync(Slice, cancellationToken).ConfigureAwait(false))
        {
            EndAbandonedTurns();
            if (Stopwatch.GetElapsedTime(started) >= patience)
            {
                return;
            }
        }

        Waited.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("for", forCommand ? "command" : "transaction"));
        turns[connection] = new Turn(forCommand, Stopwatch.GetTimestamp());
    }

    private void LeaveCommand(DbCommand command)
    {
        if (command.Connection is { } connection && turns.TryGetValue(connection, out var turn) && turn.ForCommand)
        {
            Leave(connection);
        }
    }

    private void LeaveIfNoTransaction(DbConnection? connection)
    {
        if (connection is not null && !InTransaction(connection))
        {
            Leave(connection);
        }
    }

    private Task Left(DbConnection? connection)
    {
        Leave(connection);
        return Task.CompletedTask;
    }

    private void Leave(DbConnection? connection)
    {
        if (connection is not null && turns.TryRemove(connection, out var turn))
        {
            HeldFor.Record(Stopwatch.GetElapsedTime(turn.Since).TotalMilliseconds, new KeyValuePair<string, object?>("for", turn.ForCommand ? "command" : "transaction"));
            gate.Release();
        }
    }

    /// <summary>Ends turns whose transaction is over though no commit or rollback was seen (a transaction disposed, its connection kept open).</summary>
    private void EndAbandonedTurns()
    {
        foreach (var (connection, turn) in turns)
        {
            if (!turn.ForCommand && Stopwatch.GetElapsedTime(turn.Since) > Grace && !InTransaction(connection))
            {
                Leave(connection);
            }
        }
    }

    private static bool InTransaction(DbConnection connection) =>
        connection.State == ConnectionState.Open && connection is SqliteConnection { Handle: { } handle } && SQLitePCL.raw.sqlite3_get_autocommit(handle) == 0;

    private sealed record Turn(bool ForCommand, long Since);
}
