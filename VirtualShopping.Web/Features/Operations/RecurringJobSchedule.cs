using Hangfire;
using Microsoft.Extensions.Options;
using VirtualShopping.Web.Features.Notifications;
using VirtualShopping.Web.Features.Products;
using VirtualShopping.Web.Features.Reports;
using VirtualShopping.Web.Features.Staff;

namespace VirtualShopping.Web.Features.Operations;

/// <summary>Registers every recurring job under a fixed id, in the configured time zone.</summary>
internal static class RecurringJobSchedule
{
    public const string PurgeExpiredInvitations = "purge-expired-invitations";

    public static void ScheduleRecurringJobs(this WebApplication app)
    {
        var jobs = app.Services.GetRequiredService<IRecurringJobManager>();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(app.Services.GetRequiredService<IOptions<JobOptions>>().Value.TimeZone);
        jobs.AddOrUpdate<PurgeExpiredInvitationsJob>(
            PurgeExpiredInvitations,
            job => job.RunAsync(CancellationToken.None),
            Cron.Daily(3, 15),
            new RecurringJobOptions { TimeZone = zone });
        jobs.AddOrUpdate<ReportRollupJob>(ReportRollupJob.Id, job => job.RunAsync(CancellationToken.None), ReportRollupJob.Schedule, new RecurringJobOptions { TimeZone = zone });
        app.ScheduleProductFeeds();
        app.ScheduleNotificationEmails();
    }
}
