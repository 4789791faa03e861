using VirtualShopping.Domain.Chats;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>An offer card in the inbox: a routing offer (claim it) or a teammate's transfer request (accept it).</summary>
public sealed record InboxOffer(
    Guid OfferId,
    Guid ChatId,
    OfferKind Kind,
    string Department,
    string Shopper,
    DateTimeOffset ExpiresAt,
    int ColleaguesOffered,
    bool SpokenBefore,
    string? RequestedByName)
{
    public bool IsTransfer => Kind == OfferKind.Transfer;

    /// <summary>A card from a row of the New view (null for a row without an offer).</summary>
    public static InboxOffer? From(InboxRow row) =>
        row is { OfferId: { } offerId, OfferExpiresAt: { } expiresAt }
            ? new InboxOffer(offerId, row.ChatId, row.OfferKind ?? OfferKind.Routing, row.Department, row.ShopperLabel, expiresAt, row.ColleaguesOffered, row.SpokenBefore, row.RequestedByName)
            : null;

    /// <summary>A card from a live offer; <paramref name="shopperLabel"/> when the shopper gave no name.</summary>
    public static InboxOffer From(OfferView offer, string shopperLabel)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return new InboxOffer(offer.OfferId, offer.ChatId, offer.Kind, offer.Department, offer.ShopperName ?? shopperLabel, offer.ExpiresAt, offer.ColleaguesOffered, offer.SpokenBefore, offer.RequestedByName);
    }
}
