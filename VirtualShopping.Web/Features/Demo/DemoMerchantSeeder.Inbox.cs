using Microsoft.EntityFrameworkCore;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Web.Features.Products;

namespace VirtualShopping.Web.Features.Demo;

/// <summary>The demo merchant's inbox history (<see cref="DemoInboxHistory"/>) for a database seeded before it existed.</summary>
public sealed partial class DemoMerchantSeeder
{
    private async Task AddInboxHistoryAsync(VirtualShoppingDbContext db, CancellationToken cancellationToken)
    {
        var merchantId = await db.Merchants.IgnoreQueryFilters().Where(m => m.Name == MerchantName).Select(m => m.Id).FirstAsync(cancellationToken);
        scope.Use(merchantId);
        await using var scoped = await contexts.CreateDbContextAsync(cancellationToken);
        await AddInboxHistoryAsync(scoped, merchantId, clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>The history, its product cards with share links of this app's address.</summary>
    private async Task AddInboxHistoryAsync(VirtualShoppingDbContext db, Guid merchantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var shareScope = services.CreateAsyncScope();
        await DemoInboxHistory.AddAsync(db, merchantId, now, shareScope.ServiceProvider.GetRequiredService<ProductShares>(), cancellationToken);
    }
}
