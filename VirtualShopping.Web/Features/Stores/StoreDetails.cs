using VirtualShopping.Domain.Merchants;

namespace VirtualShopping.Web.Features.Stores;

/// <summary>A store as the API returns it.</summary>
public sealed record StoreDetails(Guid Id, StoreStatus Status, bool IsOpenNow, StoreInput Store)
{
    public static StoreDetails From(Store store, DateTimeOffset now) =>
        new(store.Id, store.Status, store.IsOpenAt(now), StoreInput.From(store));
}
