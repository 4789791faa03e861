using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Products;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Tests.Support;
using VirtualShopping.Web.Features.Demo;
using VirtualShopping.Web.Features.Products;

namespace VirtualShopping.Tests.Integration.Products;

/// <summary>The demo merchant's catalogue comes from the bundled sample feed through the real importer, once.</summary>
public sealed class DemoProductsTests(VirtualShoppingFactory factory) : IClassFixture<VirtualShoppingFactory>
{
    [Fact]
    public async Task The_demo_merchant_has_outdoor_products_with_variants_a_sale_an_out_of_stock_one_and_one_succeeded_import_once()
    {
        var merchant = await factory.DemoMerchantAsync();
        var catalogue = await factory.InMerchantAsync(merchant.Id, async db => (
            Products: await db.Products.AsNoTracking().ToListAsync(),
            Imports: await db.ProductImports.AsNoTracking().ToListAsync()));

        Assert.InRange(catalogue.Products.Count, 20, 30);
        var import = Assert.Single(catalogue.Imports);
        Assert.Equal((ProductImportStatus.Succeeded, ProductImportSource.Upload, DemoMerchantSeeder.DemoFeedName, catalogue.Products.Count, 0), (import.Status, import.Source, import.SourceName, import.Created, import.Rejected));
        var boots = catalogue.Products.Where(p => p.ItemGroupId == "TRB").ToList();
        Assert.True(boots.Count >= 4 && boots.All(b => b.Size is not null), "boots in sizes");
        Assert.True(catalogue.Products.Where(p => p.ItemGroupId == "SSJ").Select(p => p.Color).Distinct().Count() >= 3, "jackets in colours");
        Assert.Contains(catalogue.Products, p => p.ProductType!.Contains("Tents", StringComparison.Ordinal));
        Assert.Contains(catalogue.Products, p => p.Availability == ProductAvailability.OutOfStock);
        Assert.Contains(catalogue.Products, p => p.SalePrice < p.Price);
        Assert.All(catalogue.Products, p => Assert.StartsWith("https://", p.ImageLink, StringComparison.Ordinal));

        // Seeding again (the next start) imports nothing.
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoMerchantSeeder>().SeedAsync();
        Assert.Equal(1, await factory.InMerchantAsync(merchant.Id, db => db.ProductImports.CountAsync()));
    }

    [Fact]
    public async Task The_demo_has_no_made_up_feed_url_so_no_recurring_import_fails_and_an_old_demo_database_loses_it_at_the_next_start()
    {
        var merchant = await factory.DemoMerchantAsync();
        var settings = await factory.InMerchantAsync(merchant.Id, db => db.AccountSettings.AsNoTracking().SingleAsync());
        Assert.Equal((null, ProductFeedSchedule.Manual), (settings.ProductFeedUrl, settings.ProductFeedSchedule));
        Assert.DoesNotContain(RecurringJobIds(), id => id == ProductFeedJobs.JobId(merchant.Id));
        Assert.DoesNotContain(await factory.InMerchantAsync(merchant.Id, db => db.ProductImports.AsNoTracking().ToListAsync()), i => i.Status == ProductImportStatus.Failed);

        // A demo database seeded before this fix had the made-up URL on a daily schedule.
        await factory.InMerchantAsync(merchant.Id, db => db.AccountSettings.ExecuteUpdateAsync(u => u
            .SetProperty(s => s.ProductFeedUrl, DemoMerchantSeeder.MadeUpFeedUrl).SetProperty(s => s.ProductFeedSchedule, ProductFeedSchedule.Daily)));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoMerchantSeeder>().SeedAsync();
        }

        settings = await factory.InMerchantAsync(merchant.Id, db => db.AccountSettings.AsNoTracking().SingleAsync());
        Assert.Equal((null, ProductFeedSchedule.Manual), (settings.ProductFeedUrl, settings.ProductFeedSchedule));
    }

    private List<string> RecurringJobIds()
    {
        using var connection = factory.Services.GetRequiredService<Hangfire.JobStorage>().GetConnection();
        return [.. Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection).Select(j => j.Id)];
    }
}
