using VirtualShopping.Domain.Notifications;

namespace VirtualShopping.Web.Features.Notifications;

/// <summary>Log messages of the scheduled emails; never an address or a name.</summary>
internal static partial class NotificationEmailLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Scheduled email {Kind} {DispatchId} failed on attempt {Attempt}; will retry: {WillRetry}")]
    public static partial void SendFailed(ILogger logger, EmailKind kind, Guid dispatchId, int attempt, bool willRetry);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Error, Message = "Scheduled emails of merchant {MerchantId} could not be prepared")]
    public static partial void MerchantFailed(ILogger logger, Guid merchantId, Exception exception);
}
