namespace VirtualShopping.Web.Features.Chats;

/// <summary>Routing's log lines, as source-generated logging methods.</summary>
internal static partial class ChatLogMessages
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Chat {ChatId} started for department {Department} in {Language}")]
    public static partial void ChatStarted(this ILogger logger, Guid chatId, string department, string language);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chat {ChatId}: wave {Wave} offered to {Count} experts")]
    public static partial void WaveSent(this ILogger logger, Guid chatId, int wave, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chat {ChatId} claimed by {Expert} after {Milliseconds} ms")]
    public static partial void ChatClaimed(this ILogger logger, Guid chatId, Guid expert, long milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chat {ChatId} missed: nobody claimed it within the claim period")]
    public static partial void ChatMissed(this ILogger logger, Guid chatId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chat {ChatId} handed back to routing: expert {Expert} lost access")]
    public static partial void ChatHandedBack(this ILogger logger, Guid chatId, Guid expert);

    [LoggerMessage(Level = LogLevel.Error, Message = "Routing sweep failed; trying again")]
    public static partial void SweepFailed(this ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transcript for chat {ChatId} not sent: SMTP is not configured")]
    public static partial void TranscriptNotConfigured(this ILogger logger, Guid chatId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Transcript for chat {ChatId} sent")]
    public static partial void TranscriptSent(this ILogger logger, Guid chatId);
}
