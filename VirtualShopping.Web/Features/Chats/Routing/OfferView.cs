using VirtualShopping.Domain.Chats;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// What the Store App's countdown screen shows for an offer. A transfer (<see cref="Kind"/>) is a teammate's request
/// to take over a chat in progress: <see cref="RequestedByName"/> says who asked.
/// </summary>
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
    bool SpokenBefore,
    OfferKind Kind = OfferKind.Routing,
    string? RequestedByName = null);
