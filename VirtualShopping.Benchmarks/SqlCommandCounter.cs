using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace VirtualShopping.Benchmarks;

/// <summary>
/// Counts the SQL commands the app runs, the time they spend in SQLite (including waiting for its write lock)
/// and the ones that fail, so the report can say what a routed chat and a message cost in database work.
/// </summary>
internal sealed class SqlCommandCounter : DbCommandInterceptor
{
    private long commands;
    private long ticks;
    private long failures;

    private static readonly bool KindsOn = Environment.GetEnvironmentVariable("BENCH_SQL_KINDS") is { Length: > 0 };

    public SqlTotals Totals => new(Interlocked.Read(ref commands), TimeSpan.FromTicks(Interlocked.Read(ref ticks)), Interlocked.Read(ref failures));

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result) =>
        Counted(command, eventData, result);

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Counted(command, eventData, result));

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result) =>
        Counted(command, eventData, result);

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Counted(command, eventData, result));

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result) =>
        Counted(command, eventData, result);

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Counted(command, eventData, result));

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Failed(eventData);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(eventData);
        return Task.CompletedTask;
    }

    /// <summary>The slowest command since <see cref="ResetSlowest"/> (the inbox run prints it with INBOX_BENCH_SQL set).</summary>
    public (string Text, TimeSpan Duration) Slowest { get; private set; } = (string.Empty, TimeSpan.Zero);

    public void ResetSlowest() => Slowest = (string.Empty, TimeSpan.Zero);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (long Count, long Ticks)> kinds = new();

    /// <summary>Commands by their first 70 characters since <see cref="ResetKinds"/>: count and time in SQLite, slowest first (BENCH_SQL_KINDS set).</summary>
    public IReadOnlyList<(string Kind, long Count, TimeSpan Time)> Kinds =>
        [.. kinds.Select(k => (k.Key, k.Value.Count, TimeSpan.FromTicks(k.Value.Ticks))).OrderByDescending(k => k.Item3)];

    public void ResetKinds() => kinds.Clear();

    private T Counted<T>(DbCommand command, CommandExecutedEventData eventData, T result)
    {
        if (eventData.Duration > Slowest.Duration)
        {
            Slowest = (command.CommandText, eventData.Duration);
        }

        Interlocked.Increment(ref commands);
        Interlocked.Add(ref ticks, eventData.Duration.Ticks);
        if (KindsOn)
        {
            var text = command.CommandText.ReplaceLineEndings(" ");
            kinds.AddOrUpdate(text[..Math.Min(70, text.Length)], (1, eventData.Duration.Ticks), (_, v) => (v.Count + 1, v.Ticks + eventData.Duration.Ticks));
        }

        return result;
    }

    private void Failed(CommandErrorEventData eventData)
    {
        Interlocked.Increment(ref commands);
        Interlocked.Increment(ref failures);
        Interlocked.Add(ref ticks, eventData.Duration.Ticks);
    }
}
