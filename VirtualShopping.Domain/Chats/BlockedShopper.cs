using VirtualShopping.Domain.Common;

namespace VirtualShopping.Domain.Chats;

/// <summary>
/// A shopper a merchant's staff blocked, with the reason: they cannot start chats with this merchant (matched by
/// their shopper id, and by the email they gave, kept only as a hash). Unblocking keeps the row for the record.
/// </summary>
public sealed class BlockedShopper : ITenantOwned
{
    public const int MaxReasonLength = 500;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid MerchantId { get; set; }

    public Guid ShopperId { get; set; }

    /// <summary>SHA-256 (hex) of the trimmed, lower-case email the shopper gave, or null.</summary>
    public string? EmailHash { get; set; }

    /// <summary>The name the shopper gave, for the Blocked list.</summary>
    public string? ShopperName { get; set; }

    /// <summary>The chat the block was made from.</summary>
    public Guid? ChatId { get; set; }

    public required string Reason { get; set; }

    public Guid BlockedById { get; set; }

    public required string BlockedByName { get; set; }

    public DateTimeOffset BlockedAt { get; set; }

    public DateTimeOffset? UnblockedAt { get; set; }

    public Guid? UnblockedById { get; set; }

    public bool IsActive => UnblockedAt is null;

    /// <summary>How a shopper's email is kept and matched: SHA-256 (lower-case hex) of the trimmed, lower-case address; null for none.</summary>
    public static string? HashEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant());
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
    }
}
