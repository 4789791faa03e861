namespace VirtualShopping.Domain.Orders;

/// <summary>
/// One touch a shopper had with an expert, as the attribution rule weighs it: when it happened, whose it was, and how
/// it was found for this order (<see cref="Match"/>). <see cref="TouchId"/> is the chat's id or the click's id.
/// </summary>
public sealed record AttributionTouch(
    AttributionTouchKind Kind,
    Guid TouchId,
    DateTimeOffset At,
    Guid StaffMemberId,
    Guid? StoreId,
    Guid? DepartmentId,
    Guid? ChatId,
    AttributionMatch Match);
