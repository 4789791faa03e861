using VirtualShopping.Domain.Common;

namespace VirtualShopping.Domain.Products;

/// <summary>A feed row an import did not take, where it was and why (at most <see cref="MaxPerImport"/> kept per import).</summary>
public sealed class ProductImportRejection : ITenantOwned
{
    public const int MaxPerImport = 1000;
    public const int MaxReasonLength = 500;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid MerchantId { get; set; }

    public Guid ImportId { get; set; }

    public int Position { get; set; }

    public FeedPositionKind PositionKind { get; set; }

    public string? ProductId { get; set; }

    public required string Reason { get; set; }
}
