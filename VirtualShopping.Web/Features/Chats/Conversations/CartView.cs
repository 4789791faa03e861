using System.Text.Json;
using System.Text.Json.Serialization;
using VirtualShopping.Domain.Shoppers;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// The <c>cart</c> of a <c>kind: 'Cart'</c> message, for the expert: what the shopper added or removed (a name
/// only when it has at most 40 characters), and the cart's subtotal after it. Stored as the message's Data.
/// </summary>
public sealed record CartView(CartAction Action, IReadOnlyList<CartProductView> Products, decimal? Subtotal, string? Currency)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static CartView Of(CartChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new(change.Action, change.Items.Select(i => new CartProductView(i.Name, i.Quantity, i.Price, i.InCart)).ToList(), change.Subtotal, change.Currency);
    }

    /// <summary>The view stored in a message's Data, or null when there is none.</summary>
    public static CartView? Read(string? data) => string.IsNullOrEmpty(data) ? null : JsonSerializer.Deserialize<CartView>(data, Json);

    public string ToData() => JsonSerializer.Serialize(this, Json);
}
