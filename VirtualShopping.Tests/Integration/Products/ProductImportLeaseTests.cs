using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using VirtualShopping.Domain.Products;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;
using VirtualShopping.Web.Features.Products;

namespace VirtualShopping.Tests.Integration.Products;

/// <summary>
/// Two app instances (two importers, each with its own in-process gate) over one SQLite file and one fake clock: one
/// merchant's import runs on one instance at a time, held by a lease in the database that progress renews; an import
/// whose instance stopped is failed (and its staged rows deleted) by the next import or the next start-up.
/// </summary>
public sealed class ProductImportLeaseTests : IAsyncLifetime
{
    private const string Header = "id,title,link,price,availability\n";

    private ProductCatalogDatabase world = null!;
    private Guid shop;

    public async ValueTask InitializeAsync()
    {
        world = await ProductCatalogDatabase.CreateAsync();
        shop = await world.AddMerchantAsync("Outfitters", currency: "EUR");
    }

    public ValueTask DisposeAsync() => world.DisposeAsync();

    [Fact]
    public async Task While_one_instance_imports_another_instance_s_import_of_the_merchant_is_refused_and_runs_once_the_first_has_finished()
    {
        var feed = new GatedFeedStream();
        var first = Instance().ImportAsync(shop, feed, ProductImportSource.Url, "https://shop.example/feed.csv", null, null, CancellationToken.None);
        await feed.WantsMoreAsync();
        feed.Send(Header + Rows("A", 3));
        await feed.WantsMoreAsync();

        var refused = await Assert.ThrowsAsync<ProductImportBusyException>(() => ImportOnSecondAsync(Header + Rows("B", 2)));
        Assert.Contains("Another import of your products is running", refused.Message, StringComparison.Ordinal);
        Assert.Contains("https://shop.example/feed.csv", refused.Message, StringComparison.Ordinal);
        Assert.Single(await world.ListAsync(shop, db => db.ProductImports)); // the refused start records nothing

        feed.End();
        Assert.Equal((ProductImportStatus.Succeeded, 3), ((await first).Status, (await first).Created));
        var second = await ImportOnSecondAsync(Header + Rows("B", 2));
        Assert.Equal((ProductImportStatus.Succeeded, 2, 3), (second.Status, second.Created, second.MadeUnavailable));
        Assert.All(await world.ListAsync(shop, db => db.ProductImports), i => Assert.Null(i.LeaseUntil));
    }

    [Fact]
    public async Task An_import_that_makes_progress_keeps_its_lease_past_its_first_term()
    {
        var feed = new GatedFeedStream();
        var first = Instance().ImportAsync(shop, feed, ProductImportSource.Upload, "big.csv", null, null, CancellationToken.None);
        await feed.WantsMoreAsync();
        feed.Send(Header + Rows("A", 2));
        await feed.WantsMoreAsync();

        world.Clock.Advance(TimeSpan.FromMinutes(4));
        feed.Send(Rows("C", 2));
        await feed.WantsMoreAsync(); // read on after four minutes: the lease was renewed first
        world.Clock.Advance(TimeSpan.FromMinutes(4)); // past the first term (5 minutes), within the renewed one

        await Assert.ThrowsAsync<ProductImportBusyException>(() => ImportOnSecondAsync(Header + Rows("B", 1)));

        feed.End();
        Assert.Equal((ProductImportStatus.Succeeded, 4), ((await first).Status, (await first).Created));
    }

    [Fact]
    public async Task An_import_stuck_past_its_lease_is_failed_by_the_next_import_with_its_staged_rows_gone_and_never_applied()
    {
        var feed = new GatedFeedStream();
        var stuck = Instance().ImportAsync(shop, feed, ProductImportSource.Upload, "stuck.csv", null, null, CancellationToken.None);
        await feed.WantsMoreAsync();
        feed.Send(Header + Rows("S", ProductImporter.BatchSize + 5)); // one batch staged in the database
        await feed.WantsMoreAsync();
        Assert.Equal(ProductImporter.BatchSize, (await StagedAsync()).Count);

        await Assert.ThrowsAsync<ProductImportBusyException>(() => ImportOnSecondAsync(Header + Rows("B", 2)));
        world.Clock.Advance(ProductImporter.LeaseDuration + TimeSpan.FromSeconds(1));

        var next = await ImportOnSecondAsync(Header + Rows("B", 2));

        Assert.Equal((ProductImportStatus.Succeeded, 2), (next.Status, next.Created));
        var abandoned = (await world.ListAsync(shop, db => db.ProductImports.AsNoTracking().Where(i => i.SourceName == "stuck.csv"))).Single();
        Assert.Equal((ProductImportStatus.Failed, ProductImporter.AbandonedError, world.Clock.GetUtcNow()), (abandoned.Status, abandoned.Error, abandoned.FinishedAt));
        Assert.Empty(await StagedAsync());

        // The stuck import wakes up: its lease is gone, so it applies nothing.
        feed.End();
        var woke = await stuck;
        Assert.Equal(ProductImportStatus.Failed, woke.Status);
        Assert.Equal(["B-1", "B-2"], (await world.ProductsAsync(shop)).Select(p => p.ExternalId));
        Assert.Empty(await StagedAsync());
    }

    [Fact]
    public async Task Start_up_fails_every_merchant_s_import_whose_lease_ran_out_and_leaves_a_live_one_alone()
    {
        var other = await world.AddMerchantAsync("Other shop");
        var now = world.Clock.GetUtcNow();
        var dead = await AddRunningAsync(shop, leaseUntil: now.AddMinutes(-1));
        var legacy = await AddRunningAsync(other, leaseUntil: null);
        await using (var scope = world.Services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync();
            Assert.Equal(2, await ProductImporter.FailAbandonedAsync(db, now, allMerchants: true, CancellationToken.None));
        }

        Assert.Equal(ProductImporter.AbandonedError, (await world.ListAsync(shop, db => db.ProductImports.Where(i => i.Id == dead))).Single().Error);
        Assert.Equal(ProductImportStatus.Failed, (await world.ListAsync(other, db => db.ProductImports.Where(i => i.Id == legacy))).Single().Status);

        var live = await AddRunningAsync(shop, leaseUntil: now.AddMinutes(3));
        await using (var scope = world.Services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync();
            Assert.Equal(0, await ProductImporter.FailAbandonedAsync(db, now, allMerchants: true, CancellationToken.None));
        }

        Assert.Equal(ProductImportStatus.Running, (await world.ListAsync(shop, db => db.ProductImports.Where(i => i.Id == live))).Single().Status);
    }

    /// <summary>Another app instance: the same database and clock, its own in-process gate.</summary>
    private ProductImporter Instance()
    {
        var scope = world.Services.CreateScope();
        return new ProductImporter(
            scope.ServiceProvider.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>(),
            scope.ServiceProvider.GetRequiredService<MerchantScope>(),
            new ProductImportGate(),
            world.Clock,
            NullLogger<ProductImporter>.Instance);
    }

    private Task<ProductImport> ImportOnSecondAsync(string csv) =>
        Instance().ImportAsync(shop, new MemoryStream(Encoding.UTF8.GetBytes(csv)), ProductImportSource.Upload, "second.csv", null, null, CancellationToken.None);

    private async Task<List<string>> StagedAsync()
    {
        await using var scope = world.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync();
        return await db.StagedProducts.IgnoreQueryFilters().Select(s => s.ExternalId).ToListAsync();
    }

    private async Task<Guid> AddRunningAsync(Guid merchantId, DateTimeOffset? leaseUntil)
    {
        var import = new ProductImport
        {
            MerchantId = merchantId, SourceName = "feed.csv", Source = ProductImportSource.Upload, StartedAt = world.Clock.GetUtcNow().AddMinutes(-10),
            Status = ProductImportStatus.Running, LeaseUntil = leaseUntil,
        };
        await using var scope = world.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<MerchantScope>().Use(merchantId);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<VirtualShoppingDbContext>>().CreateDbContextAsync();
        db.ProductImports.Add(import);
        await db.SaveChangesAsync();
        return import.Id;
    }

    private static string Rows(string prefix, int count) =>
        string.Concat(Enumerable.Range(1, count).Select(i => $"{prefix}-{i},Item {prefix}{i},https://shop.example/{prefix}-{i},9.00 EUR,in_stock\n"));
}
