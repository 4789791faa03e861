namespace VirtualShopping.Domain.Merchants;

/// <summary>A retailer using VirtualShopping: the tenant every other row belongs to.</summary>
public sealed class Merchant
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public required string Name { get; set; }

    /// <summary>Key the merchant's site puts in the chat widget snippet; public by design.</summary>
    public required string PublicWidgetKey { get; set; }

    /// <summary>Seven-character code experts type to join this merchant (see <see cref="InviteCode"/>).</summary>
    public required string InviteCode { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }
}
