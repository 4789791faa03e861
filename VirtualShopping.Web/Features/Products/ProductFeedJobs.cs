using Hangfire;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Products;

/// <summary>
/// The recurring feed import of each merchant with a feed URL and a schedule (id <c>product-feed-{merchantId}</c>, in
/// the merchant's time zone): set when the Account settings are saved, reconciled for every merchant at start-up.
/// </summary>
public sealed class ProductFeedJobs(IRecurringJobManager recurring, IBackgroundJobClient background)
{
    public static string JobId(Guid merchantId) => $"product-feed-{merchantId}";

    /// <summary>Hourly at minute 5, daily at 03:30, weekly on Monday at 03:30; none for Manual.</summary>
    public static string? CronOf(ProductFeedSchedule schedule) => schedule switch
    {
        ProductFeedSchedule.Hourly => Cron.Hourly(5),
        ProductFeedSchedule.Daily => Cron.Daily(3, 30),
        ProductFeedSchedule.Weekly => Cron.Weekly(DayOfWeek.Monday, 3, 30),
        _ => null,
    };

    /// <summary>Adds, updates or removes the merchant's recurring import to match its settings.</summary>
    public void Schedule(Guid merchantId, string? feedUrl, ProductFeedSchedule schedule, string timeZoneId)
    {
        var id = JobId(merchantId);
        if (string.IsNullOrWhiteSpace(feedUrl) || CronOf(schedule) is not { } cron)
        {
            recurring.RemoveIfExists(id);
            return;
        }

        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var found) ? found : TimeZoneInfo.Utc;
        recurring.AddOrUpdate<ProductFeedJob>(id, job => job.RunAsync(merchantId, CancellationToken.None), cron, new RecurringJobOptions { TimeZone = zone });
    }

    /// <summary>Runs the merchant's feed import now, in the background (the "Import now" button).</summary>
    public Task ImportNowAsync(Guid merchantId)
    {
        background.Enqueue<ProductFeedJob>(job => job.RunAsync(merchantId, CancellationToken.None));
        return Task.CompletedTask;
    }

    /// <summary>Every merchant's recurring import as its settings say (Hangfire's in-memory storage starts empty).</summary>
    public async Task ReconcileAsync(VirtualShoppingDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var all = await db.AccountSettings.IgnoreQueryFilters().AsNoTracking()
            .Select(s => new { s.MerchantId, s.ProductFeedUrl, s.ProductFeedSchedule, s.TimeZoneId })
            .ToListAsync(cancellationToken);
        foreach (var settings in all)
        {
            Schedule(settings.MerchantId, settings.ProductFeedUrl, settings.ProductFeedSchedule, settings.TimeZoneId);
        }
    }
}
