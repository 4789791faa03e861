namespace VirtualShopping.Domain.Shoppers;

/// <summary>A checked track() call: the event to store, or the problems by field path (<c>products[0].price</c>, <c>purchase.currency</c>).</summary>
public sealed record TrackingOutcome(ShopperEvent? Event, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Event is not null;
}
