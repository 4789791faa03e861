using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;
using VirtualShopping.Tests.Support;

namespace VirtualShopping.Tests.Infrastructure;

/// <summary>The DbContext scopes every tenant query to the current merchant by itself.</summary>
public sealed class TenantFilterTests : IAsyncLifetime
{
    private readonly TestDatabase file = new();
    private readonly Guid merchantA = Guid.NewGuid();
    private readonly Guid merchantB = Guid.NewGuid();

    public async ValueTask InitializeAsync()
    {
        await using var db = Context(null);
        await db.Database.MigrateAsync();
        db.Merchants.AddRange(Merchant(merchantA, "A"), Merchant(merchantB, "B"));
        db.Stores.AddRange(Store(merchantA, "A1"), Store(merchantA, "A2"), Store(merchantB, "B1"));
        await db.SaveChangesAsync();
    }

    public ValueTask DisposeAsync()
    {
        file.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Queries_see_only_the_current_merchants_rows()
    {
        await using var a = Context(merchantA);
        await using var b = Context(merchantB);

        Assert.Equal(["A1", "A2"], await a.Stores.OrderBy(s => s.Name).Select(s => s.Name).ToListAsync());
        Assert.Equal(["B1"], await b.Stores.Select(s => s.Name).ToListAsync());
    }

    [Fact]
    public async Task Without_a_current_merchant_no_tenant_rows_are_visible()
    {
        await using var none = Context(null);

        Assert.Empty(await none.Stores.ToListAsync());
    }

    [Fact]
    public async Task New_rows_take_the_current_merchant()
    {
        await using (var a = Context(merchantA))
        {
            a.Stores.Add(new Store { Name = "A3" });
            await a.SaveChangesAsync();
        }

        await using var b = Context(merchantB);
        Assert.False(await b.Stores.AnyAsync(s => s.Name == "A3"));
        await using var a2 = Context(merchantA);
        Assert.Equal(merchantA, (await a2.Stores.SingleAsync(s => s.Name == "A3")).MerchantId);
    }

    [Fact]
    public async Task Adding_a_row_without_any_merchant_is_refused()
    {
        await using var none = Context(null);
        none.Stores.Add(new Store { Name = "Orphan" });

        await Assert.ThrowsAsync<InvalidOperationException>(() => none.SaveChangesAsync());
    }

    private SqliteVirtualShoppingDbContext Context(Guid? merchant) =>
        new(new DbContextOptionsBuilder<SqliteVirtualShoppingDbContext>().UseSqlite(file.ConnectionString).Options, new FixedMerchant(merchant), TimeProvider.System);

    private static Merchant Merchant(Guid id, string name) =>
        new() { Id = id, Name = name, PublicWidgetKey = WidgetKey.Generate(), InviteCode = InviteCode.Generate() };

    private static Store Store(Guid merchant, string name) => new() { MerchantId = merchant, Name = name };

    private sealed class FixedMerchant(Guid? merchant) : ICurrentMerchant
    {
        public Guid? MerchantId => merchant;
    }
}
