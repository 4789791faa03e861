namespace VirtualShopping.Domain.Shoppers;

/// <summary>
/// The body of a track() call: <c>{type: 'detail'|'add'|'remove'|'purchase', products, purchase, pageUrl}</c>,
/// unchecked; <see cref="ShopperEvent.Read"/> turns it into a <see cref="ShopperEvent"/> or says which fields are wrong.
/// </summary>
public sealed record TrackedEvent
{
    public string? Type { get; init; }

    public IReadOnlyList<TrackedProduct?>? Products { get; init; }

    public TrackedPurchase? Purchase { get; init; }

    public string? PageUrl { get; init; }
}
