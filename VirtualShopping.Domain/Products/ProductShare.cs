using VirtualShopping.Domain.Common;

namespace VirtualShopping.Domain.Products;

/// <summary>
/// One product an expert shared (a card in a chat, or a one-off link, text message, email or QR code): its short link
/// /p/{<see cref="Token"/>} leads to the product page and records each click, so a later purchase can be credited to
/// the expert and store (issue 13). Never holds the recipient's phone number or email.
/// </summary>
public sealed class ProductShare : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid MerchantId { get; set; }

    /// <summary>Unique across merchants (see <see cref="ShareToken"/>).</summary>
    public required string Token { get; set; }

    public Guid ProductId { get; set; }

    /// <summary>The expert who shared it.</summary>
    public Guid StaffMemberId { get; set; }

    /// <summary>The store the expert shared it for: the chat's store, or the expert's store for a one-off share.</summary>
    public Guid? StoreId { get; set; }

    public ShareChannel Channel { get; set; }

    /// <summary>The chat it was sent in (Channel Chat).</summary>
    public Guid? ChatId { get; set; }

    /// <summary>The shopper it was sent to, when known (a chat's shopper).</summary>
    public Guid? ShopperId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>A revoked link leads to the friendly page instead of the product.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
}
