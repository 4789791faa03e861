using Hangfire;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Reports;

/// <summary>Every 5 minutes: each merchant's team performance rollup catches up with what changed since its watermark.</summary>
public sealed class TeamRollupJob(IDbContextFactory<VirtualShoppingDbContext> contexts, TeamRollup rollup)
{
    public const string Id = "team-performance-rollup";

    public const string Schedule = "*/5 * * * *";

    [AutomaticRetry(Attempts = 2)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        List<Guid> merchants;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            merchants = await db.Merchants.IgnoreQueryFilters().AsNoTracking().Select(m => m.Id).ToListAsync(cancellationToken);
        }

        foreach (var merchantId in merchants)
        {
            await rollup.RefreshAsync(merchantId, cancellationToken);
        }
    }
}
