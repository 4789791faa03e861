using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Products;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Web.Features.Products;

namespace VirtualShopping.Web.Features.Demo;

public sealed partial class DemoMerchantSeeder
{
    /// <summary>The made-up feed URL demo databases seeded before had: it can never be downloaded.</summary>
    public const string MadeUpFeedUrl = "https://www.demo-outfitters.example/feeds/google-merchant.xml";

    /// <summary>The bundled sample feed's name in the import history.</summary>
    public const string DemoFeedName = "demo-products.xml";

    /// <summary>
    /// The demo's catalogue: the bundled Google RSS sample feed (boots in sizes, jackets in colours, tents...) run through
    /// the real importer, so the demo has products and one succeeded import in its history.
    /// </summary>
    private async Task ImportDemoProductsAsync(Guid merchantId, CancellationToken cancellationToken)
    {
        await using var feed = typeof(DemoMerchantSeeder).Assembly.GetManifestResourceStream("Demo." + DemoFeedName)
            ?? throw new InvalidOperationException("The demo product feed is not embedded.");
        await using var importScope = services.CreateAsyncScope();
        var importer = importScope.ServiceProvider.GetRequiredService<ProductImporter>();
        var import = await importer.ImportAsync(merchantId, feed, ProductImportSource.Upload, DemoFeedName, null, null, cancellationToken);
        if (import.Status != ProductImportStatus.Succeeded)
        {
            throw new InvalidOperationException($"The demo product feed did not import: {import.Error}");
        }
    }

    /// <summary>
    /// A demo database seeded with the made-up feed URL (its daily import failed every night) loses it: the demo's
    /// catalogue is the bundled upload, imported by hand from the Products page; its schedule goes back to Manual.
    /// </summary>
    private static async Task ForgetMadeUpFeedUrlAsync(VirtualShoppingDbContext db, CancellationToken cancellationToken)
    {
        var merchantId = await db.Merchants.IgnoreQueryFilters().Where(m => m.Name == MerchantName).Select(m => m.Id).FirstAsync(cancellationToken);
        // The start-up reconcile that follows removes its recurring job.
        await db.AccountSettings.IgnoreQueryFilters()
            .Where(s => s.MerchantId == merchantId && s.ProductFeedUrl == MadeUpFeedUrl)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.ProductFeedUrl, (string?)null).SetProperty(s => s.ProductFeedSchedule, ProductFeedSchedule.Manual), cancellationToken);
    }
}
