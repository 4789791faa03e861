using Hangfire;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Reports;

/// <summary>Every five minutes: refreshes every merchant's sales rollup from the changes since its watermark.</summary>
public sealed class SalesRollupJob(IDbContextFactory<VirtualShoppingDbContext> contexts, SalesRollup rollup)
{
    public const string Id = "sales-rollup";

    public const string Schedule = "*/5 * * * *";

    [AutomaticRetry(Attempts = 2)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        List<Guid> merchants;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            merchants = await db.Merchants.AsNoTracking().Select(m => m.Id).ToListAsync(cancellationToken);
        }

        foreach (var merchantId in merchants)
        {
            await rollup.RefreshAsync(merchantId, cancellationToken);
        }
    }
}
