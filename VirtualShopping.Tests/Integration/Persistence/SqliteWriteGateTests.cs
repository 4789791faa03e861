using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Tests.Integration.Persistence;

/// <summary>
/// The write gate over a real SQLite file: a writer's turn ends when its transaction commits or rolls back (even
/// with its connection kept open, as the message writer keeps it), a single write outside a transaction holds it for
/// that command only, and a transaction disposed without either no longer blocks the others.
/// </summary>
public sealed class SqliteWriteGateTests : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"gate-{Guid.NewGuid():N}.db");
    private readonly SqliteWriteGate gate = new(TimeSpan.FromSeconds(10));

    public SqliteWriteGateTests()
    {
        using var db = Context();
        db.Database.ExecuteSqlRaw("CREATE TABLE Notes (Id INTEGER PRIMARY KEY, Text TEXT NOT NULL)");
    }

    [Fact]
    public async Task A_turn_ends_at_commit_or_rollback_though_the_connection_stays_open()
    {
        await using var db = Context();
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);

        await using (var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken))
        {
            Assert.Equal(1, gate.Held);
            await db.Database.ExecuteSqlRawAsync("INSERT INTO Notes (Text) VALUES ('kept')", TestContext.Current.CancellationToken);
            await transaction.CommitAsync(TestContext.Current.CancellationToken);
            Assert.Equal(0, gate.Held);
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken))
        {
            await db.Database.ExecuteSqlRawAsync("INSERT INTO Notes (Text) VALUES ('undone')", TestContext.Current.CancellationToken);
            await transaction.RollbackAsync(TestContext.Current.CancellationToken);
            Assert.Equal(0, gate.Held);
        }

        // A write outside a transaction holds the turn for its one command.
        await db.Database.ExecuteSqlRawAsync("INSERT INTO Notes (Text) VALUES ('alone')", TestContext.Current.CancellationToken);
        Assert.Equal(0, gate.Held);
        Assert.Equal(["kept", "alone"], await Texts());
    }

    [Fact]
    public async Task Writers_of_many_connections_at_once_all_get_their_turn_and_nothing_is_lost()
    {
        await Task.WhenAll(Enumerable.Range(1, 40).Select(i => Task.Run(async () =>
        {
            await using var db = Context();
            await using var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
            await db.Database.ExecuteSqlAsync($"INSERT INTO Notes (Text) VALUES ({"n" + i})", TestContext.Current.CancellationToken);
            await transaction.CommitAsync(TestContext.Current.CancellationToken);
        })));

        Assert.Equal(40, (await Texts()).Count);
        Assert.Equal(0, gate.Held);
    }

    [Fact]
    public async Task A_transaction_disposed_without_commit_on_an_open_connection_does_not_block_the_next_writer()
    {
        await using var abandoned = Context();
        await abandoned.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using (await abandoned.Database.BeginTransactionAsync(TestContext.Current.CancellationToken))
        {
            await abandoned.Database.ExecuteSqlRawAsync("INSERT INTO Notes (Text) VALUES ('never')", TestContext.Current.CancellationToken);
        }

        Assert.Equal(1, gate.Held); // no commit or rollback was seen: the turn looks held

        await using var next = Context();
        await using (var transaction = await next.Database.BeginTransactionAsync(TestContext.Current.CancellationToken))
        {
            await next.Database.ExecuteSqlRawAsync("INSERT INTO Notes (Text) VALUES ('next')", TestContext.Current.CancellationToken);
            await transaction.CommitAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(["next"], await Texts());
        Assert.Equal(0, gate.Held);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }
    }

    private async Task<List<string>> Texts()
    {
        await using var db = Context();
        return await db.Database.SqlQueryRaw<string>("SELECT Text AS Value FROM Notes ORDER BY Id").ToListAsync(TestContext.Current.CancellationToken);
    }

    private DbContext Context() =>
        new(new DbContextOptionsBuilder().UseSqlite($"Data Source={file};Default Timeout=10").AddInterceptors(gate).Options);
}
