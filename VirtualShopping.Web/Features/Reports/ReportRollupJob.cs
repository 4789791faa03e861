using Hangfire;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Reports;

/// <summary>Every five minutes: each merchant's sales and team performance rollups catch up with what changed since their watermarks.</summary>
public sealed class ReportRollupJob(IDbContextFactory<VirtualShoppingDbContext> contexts, SalesRollup sales, TeamRollup team)
{
    public const string Id = "report-rollups";

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
            await sales.RefreshAsync(merchantId, cancellationToken);
            await team.RefreshAsync(merchantId, cancellationToken);
        }
    }
}
