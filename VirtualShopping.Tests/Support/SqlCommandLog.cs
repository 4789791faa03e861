using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace VirtualShopping.Tests.Support;

/// <summary>
/// The SQL commands a host runs: all of them in order (<see cref="Mark"/>, <see cref="Since"/>), and those run from
/// one flow of the test (<see cref="Count"/>: the test's own calls and what they start, not the background sweep).
/// </summary>
public sealed class SqlCommandLog : DbCommandInterceptor
{
    private readonly AsyncLocal<ConcurrentQueue<string>?> counting = new();
    private readonly ConcurrentQueue<string> all = new();

    /// <summary>How many commands have run so far.</summary>
    public int Mark => all.Count;

    /// <summary>The commands run since a <see cref="Mark"/>.</summary>
    public IReadOnlyList<string> Since(int mark) => all.Skip(mark).ToList();

    /// <summary>Collects the commands this flow (and the tasks it starts) runs from now on, until the result is disposed.</summary>
    public CountedCommands Count()
    {
        var commands = new ConcurrentQueue<string>();
        counting.Value = commands;
        return new CountedCommands(commands, () => counting.Value = null);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result) => Logged(command, result);

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Logged(command, result));

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result) => Logged(command, result);

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Logged(command, result));

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result) => Logged(command, result);

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Logged(command, result));

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Logged(command, 0);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Logged(command, 0);
        return Task.CompletedTask;
    }

    private T Logged<T>(DbCommand command, T result)
    {
        all.Enqueue(command.CommandText);
        counting.Value?.Enqueue(command.CommandText);
        return result;
    }
}

/// <summary>The commands one flow ran while counting.</summary>
public sealed class CountedCommands(ConcurrentQueue<string> commands, Action stop) : IDisposable
{
    public IReadOnlyList<string> Commands => [.. commands];

    public int Total => commands.Count;

    public void Dispose() => stop();
}
