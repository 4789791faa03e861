using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Products;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Products;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Products;

namespace VirtualShopping.Tests.Integration.Products;

/// <summary>An app restarted after it stopped mid-import: the import it left Running is failed and its staged rows deleted at start-up.</summary>
public sealed class AbandonedImportStartUpTests : TwoInstances
{
    [Fact]
    public async Task At_start_up_an_import_left_running_by_a_stopped_instance_is_failed_its_staged_rows_deleted_and_another_instance_s_live_one_kept()
    {
        var demo = await First.DemoMerchantAsync();
        var other = await TestMerchants.CreateAsync(First.Services, "Lease Other Shop", "admin@lease-other.example");
        var now = First.Clock.GetUtcNow();
        var abandoned = await RunningAsync(demo.Id, "crashed.csv", now.AddSeconds(-1), stagedIds: ["X-1", "X-2"]);
        var live = await RunningAsync(other.Id, "live.csv", now.AddMinutes(4), stagedIds: ["L-1"]);

        _ = Second.Server; // the second instance starts (as the stopped one restarting would)

        var imports = await Second.InMerchantAsync(demo.Id, db => db.ProductImports.AsNoTracking().Where(i => i.Id == abandoned).SingleAsync());
        Assert.Equal((ProductImportStatus.Failed, ProductImporter.AbandonedError, (DateTimeOffset?)null), (imports.Status, imports.Error, imports.LeaseUntil));
        var stillRunning = await Second.InMerchantAsync(other.Id, db => db.ProductImports.AsNoTracking().Where(i => i.Id == live).SingleAsync());
        Assert.Equal(ProductImportStatus.Running, stillRunning.Status);
        var staged = await Second.InMerchantAsync(demo.Id, db => db.StagedProducts.IgnoreQueryFilters().Select(s => s.ExternalId).OrderBy(id => id).ToListAsync());
        Assert.Equal(["L-1"], staged);
    }

    private async Task<Guid> RunningAsync(Guid merchantId, string name, DateTimeOffset leaseUntil, string[] stagedIds)
    {
        var import = new ProductImport
        {
            MerchantId = merchantId, Source = ProductImportSource.Upload, SourceName = name, StartedAt = leaseUntil.AddMinutes(-6),
            Status = ProductImportStatus.Running, LeaseUntil = leaseUntil, RowsRead = stagedIds.Length,
        };
        await First.InMerchantAsync(merchantId, async db =>
        {
            db.ProductImports.Add(import);
            db.StagedProducts.AddRange(stagedIds.Select(id => new StagedProduct(import.Id, merchantId, new ProductFeedItem(
                id, "Item " + id, null, "https://shop.example/" + id, null, new Money(9m, "GBP"), null, ProductAvailability.InStock,
                null, null, null, null, null, null, null, null))));
            return await db.SaveChangesAsync();
        });
        return import.Id;
    }
}
