using Hangfire;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Products;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;

namespace VirtualShopping.Web.Features.Products;

/// <summary>
/// Downloads a merchant's feed URL and imports it: a conditional GET with the validators of the last import from that
/// URL, so an unchanged feed is recorded as not modified and costs nothing; a refused download is recorded as failed.
/// </summary>
public sealed class ProductFeedJob(
    IDbContextFactory<VirtualShoppingDbContext> contexts,
    MerchantScope scope,
    ProductFeedDownloader downloader,
    ProductImporter importer,
    ILogger<ProductFeedJob> logger)
{
    /// <summary>No retries: every run records its outcome, and the schedule brings the next one.</summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task<ProductImport?> RunAsync(Guid merchantId, CancellationToken cancellationToken)
    {
        scope.Use(merchantId);
        string? url;
        ProductImport? last;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            url = await db.AccountSettings.AsNoTracking().Select(s => s.ProductFeedUrl).FirstOrDefaultAsync(cancellationToken);
            if (url is null)
            {
                return null;
            }

            last = await db.ProductImports.AsNoTracking()
                .Where(i => i.Source == ProductImportSource.Url && i.SourceName == url
                            && (i.Status == ProductImportStatus.Succeeded || i.Status == ProductImportStatus.NotModified))
                .OrderByDescending(i => i.StartedAt)
                .FirstOrDefaultAsync(cancellationToken);
        }

        FeedDownload download;
        try
        {
            download = await downloader.DownloadAsync(url, last?.ETag, last?.LastModified, cancellationToken);
        }
        catch (ProductFeedDownloadException e)
        {
            return await importer.RecordFailedAsync(merchantId, ProductImportSource.Url, url, e.Message, cancellationToken);
        }

        await using (download)
        {
            try
            {
                return download.NotModified
                    ? await importer.RecordNotModifiedAsync(merchantId, url, download.ETag ?? last?.ETag, download.LastModified ?? last?.LastModified, cancellationToken)
                    : await importer.ImportAsync(merchantId, download.Body, ProductImportSource.Url, url, download.ETag, download.LastModified, cancellationToken);
            }
            catch (ProductImportBusyException)
            {
                // Another app instance is importing this merchant's products right now (the same schedule fired there): its import stands.
                logger.ImportBusy(merchantId);
                return null;
            }
        }
    }
}
