using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using VirtualShopping.Infrastructure;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;

namespace VirtualShopping.Tests.Infrastructure;

/// <summary>`Database:Provider` picks the EF Core provider (and its migrations); nothing else needs to change.</summary>
public sealed class ProviderSelectionTests
{
    [Theory]
    [InlineData("Sqlite", "Data Source=unused.db", "Microsoft.EntityFrameworkCore.Sqlite", typeof(SqliteVirtualShoppingDbContext))]
    [InlineData("SqlServer", "Server=db.internal;Database=VirtualShopping;User Id=vs;Password=x;TrustServerCertificate=True", "Microsoft.EntityFrameworkCore.SqlServer", typeof(SqlServerVirtualShoppingDbContext))]
    public async Task The_configured_provider_backs_the_context(string provider, string connectionString, string expectedProvider, Type expectedContext)
    {
        await using var services = Build(provider, connectionString);
        await using var scope = services.CreateAsyncScope();

        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync();

        Assert.Equal(expectedProvider, db.Database.ProviderName);
        Assert.IsType(expectedContext, db);
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Theory]
    [InlineData("Sqlite", "Data Source=unused.db")]
    [InlineData("SqlServer", "Server=db.internal;Database=VirtualShopping;User Id=vs;Password=x;TrustServerCertificate=True")]
    public async Task The_execution_strategy_lets_the_apps_own_transactions_run(string provider, string connectionString)
    {
        // The claim race, chat start and last-admin check open their own transactions; a retrying strategy
        // (EnableRetryOnFailure) refuses user-initiated transactions outright on SQL Server. Transient failures
        // are answered 503 with Retry-After instead, and the client retries.
        await using var services = Build(provider, connectionString);
        await using var scope = services.CreateAsyncScope();

        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync();

        Assert.False(db.Database.CreateExecutionStrategy().RetriesOnFailure);
    }

    [Fact]
    public void SqlServer_without_a_connection_string_fails_at_start_with_a_clear_message()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build("SqlServer", null));

        Assert.Contains("ConnectionStrings:VirtualShopping is empty", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(string provider, string? connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:VirtualShopping"] = connectionString,
        }).Build();
        return new ServiceCollection().AddLogging().AddInfrastructure(configuration).AddScoped<ICurrentMerchant, NoMerchant>().BuildServiceProvider();
    }
}
