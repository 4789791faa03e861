namespace VirtualShopping.Web.Features.Chats;

/// <summary>Log lines of handovers and offline replies (ids only: never a shopper's email).</summary>
internal static partial class HandoverLogMessages
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Chat {ChatId} reassigned: {Requester} asked {Expert} to take it over")]
    public static partial void TransferRequested(this ILogger logger, Guid chatId, Guid requester, Guid expert);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chat {ChatId} taken over by {Expert}")]
    public static partial void TransferAccepted(this ILogger logger, Guid chatId, Guid expert);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chat {ChatId} moved to department {DepartmentId} by {StaffMemberId}")]
    public static partial void ChatMoved(this ILogger logger, Guid chatId, Guid departmentId, Guid staffMemberId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chat {ChatId}: {Count} replies emailed to the shopper, who left the site")]
    public static partial void OfflineRepliesSent(this ILogger logger, Guid chatId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat {ChatId}: replies not emailed to the shopper who left: SMTP is not configured")]
    public static partial void OfflineRepliesNotConfigured(this ILogger logger, Guid chatId);
}
