namespace VirtualShopping.Web.Features.Notifications;

internal static class NotificationEmailsSetup
{
    /// <summary>The scheduled emails: missed chats, left messages, digests and the performance report.</summary>
    public static IServiceCollection AddNotificationEmails(this IServiceCollection services)
    {
        return services;
    }

    /// <summary>The unsubscribe link's endpoint.</summary>
    public static void MapNotificationEmailEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
    }
}
