using VirtualShopping.Domain.Common;

namespace VirtualShopping.Domain.Products;

/// <summary>One import of a merchant's feed and its report: counts kept up to date while it runs, for live progress.</summary>
public sealed class ProductImport : ITenantOwned
{
    public const int MaxErrorLength = 1000;
    public const int MaxSourceNameLength = 2000;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid MerchantId { get; set; }

    public ProductImportSource Source { get; set; }

    /// <summary>The feed URL or the uploaded file's name.</summary>
    public required string SourceName { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public ProductImportStatus Status { get; set; } = ProductImportStatus.Running;

    public int RowsRead { get; set; }

    public int Created { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    public int MadeUnavailable { get; set; }

    public int Rejected { get; set; }

    /// <summary>Why the import failed, in plain words.</summary>
    public string? Error { get; set; }

    /// <summary>The URL response's ETag, for the next conditional GET.</summary>
    public string? ETag { get; set; }

    /// <summary>The URL response's Last-Modified, for the next conditional GET.</summary>
    public string? LastModified { get; set; }

    /// <summary>
    /// While Running: until when the app instance running it holds the merchant's import lease (renewed as the import
    /// makes progress). A Running import whose lease has run out was abandoned (its instance stopped) and is failed by
    /// the next start-up or the next import of the merchant. Null on imports from before leases.
    /// </summary>
    public DateTimeOffset? LeaseUntil { get; set; }
}
