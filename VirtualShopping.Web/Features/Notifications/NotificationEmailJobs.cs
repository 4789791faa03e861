using Hangfire;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Notifications;

/// <summary>
/// Every 5 minutes: the scheduled emails due for each merchant with anyone subscribed. The database says what is
/// due and what was sent, so a restart or a second instance changes nothing.
/// </summary>
public sealed class NotificationEmailJob(IDbContextFactory<VirtualShoppingDbContext> contexts, NotificationDispatcher dispatcher, ILogger<NotificationEmailJob> logger)
{
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        List<Guid> merchants;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            merchants = await db.NotificationSubscriptions.IgnoreQueryFilters().Select(s => s.MerchantId).Distinct().ToListAsync(cancellationToken);
        }

        foreach (var merchantId in merchants)
        {
            try
            {
                await dispatcher.RunMerchantAsync(merchantId, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One merchant's problem must not hold back the others; the next run tries again.
                NotificationEmailLog.MerchantFailed(logger, merchantId, e);
            }
        }
    }
}

/// <summary>Every minute: failed scheduled emails whose next attempt is due (1, 5, 30, 120 minutes; 5 attempts in all).</summary>
public sealed class NotificationEmailRetryJob(NotificationDispatcher dispatcher)
{
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(CancellationToken cancellationToken) => dispatcher.RetryDueAsync(cancellationToken);
}
