using Hangfire;
using VirtualShopping.Domain.Chats;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// Decides when an expert's reply goes by email: the shopper gave an email and has left the site (no widget
/// connection). The email goes a minute later (<see cref="OfflineReplyJob"/>), so a burst of replies is one email.
/// </summary>
public sealed class OfflineReplies(ShopperPresence presence, IBackgroundJobClient jobs)
{
    /// <summary>How long after a reply its email goes, gathering the replies written meanwhile.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromMinutes(1);

    /// <summary>Call after an expert's text or attachment message is stored.</summary>
    public void AfterExpertReply(Chat chat)
    {
        ArgumentNullException.ThrowIfNull(chat);
        AfterExpertReply(chat.MerchantId, chat.Id, chat.ShopperId, chat.ShopperEmail);
    }

    /// <summary>Call after an expert's text or attachment message is stored, with what is known of its chat.</summary>
    public void AfterExpertReply(Guid merchantId, Guid chatId, Guid shopperId, string? shopperEmail)
    {
        if (shopperEmail is not null && !presence.IsOnline(shopperId))
        {
            jobs.Schedule<OfflineReplyJob>(job => job.RunAsync(merchantId, chatId, CancellationToken.None), Delay);
        }
    }
}
