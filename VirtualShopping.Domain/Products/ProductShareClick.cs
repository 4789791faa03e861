using VirtualShopping.Domain.Common;

namespace VirtualShopping.Domain.Products;

/// <summary>A click on a share link: a touch that can credit a later purchase to the expert and store (issue 13).</summary>
public sealed class ProductShareClick : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid MerchantId { get; set; }

    public Guid ShareId { get; set; }

    public Guid ProductId { get; set; }

    public Guid StaffMemberId { get; set; }

    public Guid? StoreId { get; set; }

    /// <summary>The shopper, when the share was made to a known shopper (a chat's).</summary>
    public Guid? ShopperId { get; set; }

    /// <summary>The browser's id from the share cookie, when the merchant's consent mode allowed one.</summary>
    public string? BrowserId { get; set; }

    public DateTimeOffset ClickedAt { get; set; }
}
