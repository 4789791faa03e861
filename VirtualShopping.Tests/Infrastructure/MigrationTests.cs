using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;
using VirtualShopping.Tests.Support;

namespace VirtualShopping.Tests.Infrastructure;

/// <summary>The checked-in migrations match the model, for every provider, and build a real database.</summary>
public sealed class MigrationTests
{
    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        using var db = new SqliteVirtualShoppingDbContextFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration: run scripts/add-migration.sh <Name>.");
    }

    [Fact]
    public void SqlServer_migrations_match_the_model()
    {
        using var db = new SqlServerVirtualShoppingDbContextFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration: run scripts/add-migration.sh <Name>.");
    }

    [Fact]
    public void Both_providers_have_the_same_migrations()
    {
        using var sqlite = new SqliteVirtualShoppingDbContextFactory().CreateDbContext([]);
        using var sqlServer = new SqlServerVirtualShoppingDbContextFactory().CreateDbContext([]);

        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_', StringComparison.Ordinal) + 1)..]);

        Assert.Equal(Names(sqlite), Names(sqlServer));
    }

    [Fact]
    public async Task Migrating_an_empty_sqlite_file_creates_every_table_and_leaves_nothing_pending()
    {
        using var file = new TestDatabase();
        await using var db = new SqliteVirtualShoppingDbContext(
            new DbContextOptionsBuilder<SqliteVirtualShoppingDbContext>().UseSqlite(file.ConnectionString).Options, new NoMerchant(), TimeProvider.System);

        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await db.Merchants.CountAsync());
        Assert.Equal(0, await db.Stores.IgnoreQueryFilters().CountAsync());
    }

    [Fact]
    public void SqlServer_migration_script_is_idempotent()
    {
        using var db = new SqlServerVirtualShoppingDbContextFactory().CreateDbContext([]);

        var script = db.Database.GenerateCreateScript();
        var idempotent = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>()
            .GenerateScript(options: Microsoft.EntityFrameworkCore.Migrations.MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [Stores]", script, StringComparison.Ordinal);
        // Every migration's statements are guarded by a look-up in the history table, so the script can run twice.
        Assert.All(db.Database.GetMigrations(), id =>
            Assert.Contains($"WHERE [MigrationId] = N'{id}'", idempotent, StringComparison.Ordinal));
        Assert.Contains("[__EFMigrationsHistory]", idempotent, StringComparison.Ordinal);
    }
}
