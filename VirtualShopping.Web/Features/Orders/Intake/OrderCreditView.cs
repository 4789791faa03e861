using VirtualShopping.Domain.Orders;

namespace VirtualShopping.Web.Features.Orders;

/// <summary>Who an order was credited to, how it matched, which touch, window and rule.</summary>
public sealed record OrderCreditView(
    Guid ExpertId,
    Guid? StoreId,
    AttributionMatch? Match,
    AttributionTouchKind? Touch,
    DateTimeOffset? TouchAt,
    Guid? ChatId,
    int? WindowDays,
    string? Rule);
