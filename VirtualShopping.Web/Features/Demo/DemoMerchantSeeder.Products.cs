using VirtualShopping.Domain.Products;
using VirtualShopping.Web.Features.Products;

namespace VirtualShopping.Web.Features.Demo;

public sealed partial class DemoMerchantSeeder
{
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
}
