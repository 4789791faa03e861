namespace VirtualShopping.Web.Features.Chats;

/// <summary>What the Store App's countdown screen shows for an offer.</summary>
public sealed record OfferView(
    Guid OfferId,
    Guid ChatId,
    string Department,
    string Language,
    string? ShopperName,
    DateTimeOffset OfferedAt,
    DateTimeOffset ExpiresAt,
    int CountdownSeconds,
    int ColleaguesOffered,
    bool SpokenBefore);
