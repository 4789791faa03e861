using VirtualShopping.Domain.Audit;
using VirtualShopping.Domain.Common;

namespace VirtualShopping.Domain.Orders;

/// <summary>
/// A key a merchant's back end uses for the order API. The secret is shown once when created and stored only as its
/// SHA-256 hash; <see cref="Prefix"/> (the key's public first part) finds the row and is what the Integrations page shows.
/// </summary>
public sealed class MerchantApiKey : ITenantOwned, IAudited
{
    public const int MaxNameLength = 80;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid MerchantId { get; set; }

    public required string Name { get; set; }

    /// <summary>Unique across merchants.</summary>
    public required string Prefix { get; set; }

    /// <summary>SHA-256 (hex) of the whole key.</summary>
    [AuditMasked]
    public required string SecretHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Guid? CreatedById { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsActive => RevokedAt is null;

    public string AuditLabel => $"API key {Name} (vsk_{Prefix}_…)";
}
