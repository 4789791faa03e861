using Microsoft.EntityFrameworkCore;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Demo;

/// <summary>The demo merchant's inbox history (<see cref="DemoInboxHistory"/>) for a database seeded before it existed.</summary>
public sealed partial class DemoMerchantSeeder
{
    private async Task AddInboxHistoryAsync(VirtualShoppingDbContext db, CancellationToken cancellationToken)
    {
        var merchantId = await db.Merchants.IgnoreQueryFilters().Where(m => m.Name == MerchantName).Select(m => m.Id).FirstAsync(cancellationToken);
        scope.Use(merchantId);
        await using var scoped = await contexts.CreateDbContextAsync(cancellationToken);
        await DemoInboxHistory.AddAsync(scoped, merchantId, clock.GetUtcNow(), cancellationToken);
    }
}
