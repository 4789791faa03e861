using Hangfire;

namespace VirtualShopping.Web.Features.Notifications;

internal static class NotificationEmailsSetup
{
    public const string SendJobId = "notification-emails";
    public const string RetryJobId = "notification-email-retries";

    /// <summary>The scheduled emails: missed chats, left messages, digests and the performance report.</summary>
    public static IServiceCollection AddNotificationEmails(this IServiceCollection services)
    {
        services.AddScoped<UnsubscribeLinks>();
        services.AddScoped<NotificationContent>();
        services.AddScoped<NotificationDispatcher>();
        services.AddScoped<NotificationEmailJob>();
        services.AddScoped<NotificationEmailRetryJob>();
        services.AddScoped<EmailHistory>();
        services.AddScoped<Unsubscriber>();
        return services;
    }

    /// <summary>The unsubscribe link's page is a Razor page (Pages/Unsubscribe.razor); no API endpoints.</summary>
    public static void MapNotificationEmailEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
    }

    /// <summary>
    /// The two recurring jobs, at fixed ids: sending every 5 minutes, retries every minute (the merchants' local times
    /// come from the data). <c>Notifications:RecurringJobs</c> false leaves them out (tests run them by hand).
    /// </summary>
    public static void ScheduleNotificationEmails(this WebApplication app)
    {
        var jobs = app.Services.GetRequiredService<IRecurringJobManager>();
        if (!app.Configuration.GetValue("Notifications:RecurringJobs", true))
        {
            // Tests run the jobs themselves, at the moments their fake clock says.
            jobs.RemoveIfExists(SendJobId);
            jobs.RemoveIfExists(RetryJobId);
            return;
        }

        jobs.AddOrUpdate<NotificationEmailJob>(SendJobId, job => job.RunAsync(CancellationToken.None), "*/5 * * * *");
        jobs.AddOrUpdate<NotificationEmailRetryJob>(RetryJobId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
    }
}
