namespace VirtualShopping.Web.Features.Products;

/// <summary>The `ProductFeeds` section: limits of a feed download.</summary>
public sealed class ProductFeedOptions
{
    public const string Section = "ProductFeeds";

    /// <summary>Bytes a feed may have as sent (100 MB).</summary>
    public long MaxBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Bytes a gzip-compressed feed may unpack to (500 MB).</summary>
    public long MaxUnpackedBytes { get; set; } = 500L * 1024 * 1024;

    /// <summary>The whole download, body included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(5);

    public int MaxRedirects { get; set; } = 3;

    /// <summary>Tests only (refused outside the Testing environment): plain http to 127.0.0.1, for a local test server.</summary>
    public bool AllowInsecureLoopbackForTests { get; set; }
}
