using VirtualShopping.Domain.Settings;

namespace VirtualShopping.Domain.Chats;

/// <summary>
/// The rules of handing a chat in progress to a teammate (a transfer offer): the countdown, whether the teammate
/// may still accept, and the line both sides read. A transfer never counts as a declined or missed offer.
/// </summary>
public static class TransferPolicy
{
    /// <summary>A transfer offer runs out after the merchant's usual countdown (there is no claim period: the chat is held).</summary>
    public static DateTimeOffset ExpiresAt(DateTimeOffset offeredAt, StoreAppSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return offeredAt.AddSeconds(settings.OfferCountdownSeconds);
    }

    /// <summary>
    /// Whether the asked teammate may still accept: the offer is pending and counting, the chat is still in progress
    /// with the holder it had when asked (another handover withdraws the offer), and the teammate is under the chat limit.
    /// </summary>
    public static ClaimRefusal CanAccept(Chat chat, ChatOffer offer, int activeChats, StoreAppSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(settings);
        if (offer.Status is OfferStatus.Claimed or OfferStatus.Declined)
        {
            return ClaimRefusal.AlreadyAnswered;
        }

        if (chat.Status != ChatStatus.Active)
        {
            return ClaimRefusal.ChatOver;
        }

        if (offer.Status == OfferStatus.Withdrawn || chat.ExpertId == offer.StaffMemberId)
        {
            return ClaimRefusal.TakenByColleague;
        }

        if (offer.Status == OfferStatus.Expired || now >= offer.ExpiresAt)
        {
            return ClaimRefusal.Expired;
        }

        return activeChats >= settings.MaxSimultaneousChats ? ClaimRefusal.AtChatLimit : ClaimRefusal.None;
    }

    /// <summary>The system line both sides read when the teammate takes over.</summary>
    public static string TookOverLine(string newExpert, string? previousExpert) =>
        previousExpert is null ? $"{newExpert} took over the chat." : $"{newExpert} took over the chat from {previousExpert}.";

    /// <summary>The system line both sides read when the chat moves to another department.</summary>
    public static string MovedLine(string department) => $"Moved to {department}.";
}
