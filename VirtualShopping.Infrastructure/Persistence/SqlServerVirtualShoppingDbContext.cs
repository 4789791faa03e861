using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using VirtualShopping.Infrastructure.Tenancy;

namespace VirtualShopping.Infrastructure.Persistence;

/// <summary>The model on SQL Server, the production provider; its migrations live in Migrations/SqlServer.</summary>
public sealed class SqlServerVirtualShoppingDbContext(
    DbContextOptions<SqlServerVirtualShoppingDbContext> options,
    ICurrentMerchant currentMerchant,
    TimeProvider clock)
    : VirtualShoppingDbContext(options, currentMerchant, clock);

/// <summary>Lets `dotnet ef` build the SQL Server context without a server (scripts need none).</summary>
public sealed class SqlServerVirtualShoppingDbContextFactory : IDesignTimeDbContextFactory<SqlServerVirtualShoppingDbContext>
{
    public SqlServerVirtualShoppingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerVirtualShoppingDbContext>()
            .UseSqlServer("Server=localhost;Database=VirtualShopping;Trusted_Connection=True;TrustServerCertificate=True").Options, new NoMerchant(), TimeProvider.System);
}
