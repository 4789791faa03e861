namespace VirtualShopping.Domain.Chats;

/// <summary>Where an answer to a left message is on its way to the shopper.</summary>
public enum ReplyDelivery
{
    /// <summary>Queued in Hangfire; retried if the provider fails.</summary>
    Queued = 0,
    Sent = 1,

    /// <summary>Every retry failed; the last error is kept.</summary>
    Failed = 2,
}
