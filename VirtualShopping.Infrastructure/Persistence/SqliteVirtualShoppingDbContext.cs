using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using VirtualShopping.Infrastructure.Tenancy;

namespace VirtualShopping.Infrastructure.Persistence;

/// <summary>The model on SQLite, the embedded default; its migrations live in Migrations/Sqlite.</summary>
public sealed class SqliteVirtualShoppingDbContext(
    DbContextOptions<SqliteVirtualShoppingDbContext> options,
    ICurrentMerchant currentMerchant,
    TimeProvider clock)
    : VirtualShoppingDbContext(options, currentMerchant, clock)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset; store it as an orderable long.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>Lets `dotnet ef` build the SQLite context without the web host.</summary>
public sealed class SqliteVirtualShoppingDbContextFactory : IDesignTimeDbContextFactory<SqliteVirtualShoppingDbContext>
{
    public SqliteVirtualShoppingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteVirtualShoppingDbContext>().UseSqlite("Data Source=design-time.db").Options, new NoMerchant(), TimeProvider.System);
}
