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
}
