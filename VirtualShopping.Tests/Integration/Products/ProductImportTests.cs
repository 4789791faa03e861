using System.Text;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Products;
using VirtualShopping.Infrastructure.Products.Feeds;
using VirtualShopping.Tests.Infrastructure.Products;

namespace VirtualShopping.Tests.Integration.Products;

/// <summary>The import rules over a real SQLite file: a feed is complete, upserted by id, set-based, all or nothing.</summary>
public sealed class ProductImportTests : IAsyncLifetime
{
    private const string Header = "id,title,link,price,availability,brand,item_group_id,color,size\n";

    private ProductCatalogDatabase world = null!;
    private Guid shop;

    public async ValueTask InitializeAsync()
    {
        world = await ProductCatalogDatabase.CreateAsync();
        shop = await world.AddMerchantAsync("Outfitters", currency: "EUR");
    }

    public ValueTask DisposeAsync() => world.DisposeAsync();

    [Fact]
    public async Task A_re_import_creates_new_ids_updates_changed_rows_and_leaves_unchanged_rows_alone()
    {
        var first = await world.ImportAsync(shop, Csv(Row("A", "Boot", "10.00 EUR"), Row("B", "Scarf", "5.00 EUR"), Row("C", "Hat", "7.50 EUR")));
        Assert.Equal((ProductImportStatus.Succeeded, 3, 3, 0, 0, 0), Counts(first));
        var before = (await world.ProductsAsync(shop)).ToDictionary(p => p.ExternalId);

        world.Clock.Advance(TimeSpan.FromHours(1));
        var second = await world.ImportAsync(shop, Csv(Row("A", "Boot", "10.00 EUR"), Row("B", "Wool scarf", "4.00 EUR"), Row("C", "Hat", "7.50 EUR"), Row("D", "Glove", "3.00 EUR")));

        Assert.Equal((ProductImportStatus.Succeeded, 4, 1, 1, 2, 0), Counts(second));
        var after = (await world.ProductsAsync(shop)).ToDictionary(p => p.ExternalId);
        Assert.Equal(("Wool scarf", 4.00m, "EUR"), (after["B"].Title, after["B"].Price, after["B"].Currency));
        Assert.Equal(world.Clock.GetUtcNow(), after["B"].UpdatedAt);
        Assert.Equal(before["B"].Id, after["B"].Id);
        Assert.Equal(before["A"].UpdatedAt, after["A"].UpdatedAt);
        Assert.Equal(before["A"].ContentHash, after["A"].ContentHash);
        Assert.Equal(world.Clock.GetUtcNow(), after["D"].FirstSeenAt);
        Assert.All(after.Values, p => Assert.Equal(second.Id, p.LastSeenInImportId));

        var third = await world.ImportAsync(shop, Csv(Row("A", "Boot", "10.00 EUR"), Row("B", "Wool scarf", "4.00 EUR"), Row("C", "Hat", "7.50 EUR"), Row("D", "Glove", "3.00 EUR")));
        Assert.Equal((ProductImportStatus.Succeeded, 4, 0, 0, 4, 0), Counts(third));
    }

    [Fact]
    public async Task A_product_missing_from_the_feed_reads_as_unavailable_and_is_back_when_the_feed_has_it_again()
    {
        await world.ImportAsync(shop, Csv(Row("A", "Boot", "10.00 EUR"), Row("B", "Scarf", "5.00 EUR")));

        var without = await world.ImportAsync(shop, Csv(Row("A", "Boot", "10.00 EUR")));

        Assert.Equal(1, without.MadeUnavailable);
        var scarf = (await world.ProductsAsync(shop)).Single(p => p.ExternalId == "B");
        Assert.False(scarf.InFeed);
        Assert.Equal(ProductAvailability.OutOfStock, scarf.EffectiveAvailability);

        var again = await world.ImportAsync(shop, Csv(Row("A", "Boot", "10.00 EUR"), Row("B", "Scarf", "5.00 EUR")));

        Assert.Equal((ProductImportStatus.Succeeded, 2, 0, 1, 1, 0), Counts(again));
        scarf = (await world.ProductsAsync(shop)).Single(p => p.ExternalId == "B");
        Assert.True(scarf.InFeed);
        Assert.Equal(ProductAvailability.InStock, scarf.EffectiveAvailability);
        Assert.Equal(2, (await world.ProductsAsync(shop)).Count);
    }

    [Fact]
    public async Task Variants_share_their_item_group_id()
    {
        await world.ImportAsync(shop, Csv(
            Row("TEE-S", "Tee", "9.00 EUR", group: "TEE", color: "Blue", size: "S"),
            Row("TEE-M", "Tee", "9.00 EUR", group: "TEE", color: "Blue", size: "M"),
            Row("CAP", "Cap", "6.00 EUR")));

        var tees = await world.ListAsync(shop, db => db.Products.Where(p => p.ItemGroupId == "TEE").OrderBy(p => p.Size).Select(p => p.ExternalId + " " + p.Color + " " + p.Size));

        Assert.Equal(["TEE-M Blue M", "TEE-S Blue S"], tees);
    }

    [Fact]
    public async Task Rejected_rows_are_stored_with_position_and_reason_and_the_good_rows_are_imported()
    {
        var import = await world.ImportAsync(shop, Csv(
            Row("A", "Boot", "10.00 EUR"),
            Row("", "No id", "1.00 EUR"),
            Row("B", "Scarf", "cheap"),
            Row("A", "Better boot", "12.00 EUR"),
            Row("C", new string('x', 151), "1.00 EUR")));

        Assert.Equal((ProductImportStatus.Succeeded, 5, 1, 0, 0, 4), (import.Status, import.RowsRead, import.Created, import.Updated, import.Unchanged, import.Rejected));
        var rejections = await world.ListAsync(shop, db => db.ProductImportRejections.Where(r => r.ImportId == import.Id).OrderBy(r => r.Position));
        Assert.Equal(
            [(2, "A"), (3, null), (4, "B"), (6, "C")],
            rejections.Select(r => (r.Position, r.ProductId)).ToList());
        Assert.All(rejections, r => Assert.Equal(FeedPositionKind.Line, r.PositionKind));
        Assert.Contains("duplicate id", rejections[0].Reason, StringComparison.Ordinal);
        Assert.Equal("missing id", rejections[1].Reason);
        Assert.Contains("title over 150 characters", rejections[3].Reason, StringComparison.Ordinal);
        Assert.Equal("Better boot", Assert.Single(await world.ProductsAsync(shop)).Title);
    }

    [Fact]
    public async Task At_most_1000_rejections_are_kept_per_import_and_the_count_stays_exact()
    {
        var import = await world.ImportAsync(shop, Csv(Enumerable.Range(1, 1200).Select(i => Row($"P{i}", "Hat", "free")).Append(Row("OK", "Hat", "1.00 EUR")).ToArray()));

        Assert.Equal((1201, 1200, 1), (import.RowsRead, import.Rejected, import.Created));
        Assert.Equal(1000, (await world.ListAsync(shop, db => db.ProductImportRejections.Where(r => r.ImportId == import.Id))).Count);
    }

    [Fact]
    public async Task An_xml_feed_s_rejections_count_items_and_a_price_without_currency_takes_the_merchant_s()
    {
        var xml = """
            <?xml version="1.0"?>
            <rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel><title>Shop</title>
            <item><g:id>A</g:id><g:title>Boot</g:title><g:link>https://shop.example/a</g:link><g:price>19.90</g:price><g:availability>in_stock</g:availability></item>
            <item><g:id>B</g:id><g:title>Scarf</g:title><g:link>https://shop.example/b</g:link><g:price>n/a</g:price><g:availability>in_stock</g:availability></item>
            </channel></rss>
            """;

        var import = await world.ImportAsync(shop, new MemoryStream(Encoding.UTF8.GetBytes(xml)), "feed.xml");

        Assert.Equal((1, 1), (import.Created, import.Rejected));
        var rejection = Assert.Single(await world.ListAsync(shop, db => db.ProductImportRejections.Where(r => r.ImportId == import.Id)));
        Assert.Equal((2, FeedPositionKind.Item, "B"), (rejection.Position, rejection.PositionKind, rejection.ProductId));
        var boot = Assert.Single(await world.ProductsAsync(shop));
        Assert.Equal((19.90m, "EUR"), (boot.Price, boot.Currency));
    }

    [Fact]
    public async Task A_feed_that_breaks_after_thousands_of_items_changes_nothing_and_says_why()
    {
        await world.ImportAsync(shop, Csv(Row("P1", "Kept as it was", "1.00 EUR"), Row("OLD", "Still here", "2.00 EUR")));
        var items = string.Concat(Enumerable.Range(1, 2500).Select(i =>
            $"<item><g:id>P{i}</g:id><g:title>Product {i}</g:title><g:link>https://shop.example/p/{i}</g:link><g:price>5.00 EUR</g:price><g:availability>in_stock</g:availability></item>\n"));
        var truncated = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\" xmlns:g=\"http://base.google.com/ns/1.0\"><channel><title>Shop</title>\n" + items + "<item><g:id>P2501</g:id><g:tit";

        var import = await world.ImportAsync(shop, new MemoryStream(Encoding.UTF8.GetBytes(truncated)), "feed.xml");

        Assert.Equal(ProductImportStatus.Failed, import.Status);
        Assert.False(string.IsNullOrWhiteSpace(import.Error));
        Assert.Equal((0, 0, 0, 0), (import.Created, import.Updated, import.Unchanged, import.MadeUnavailable));
        var products = await world.ProductsAsync(shop);
        Assert.Equal([("OLD", "Still here", true), ("P1", "Kept as it was", true)], products.Select(p => (p.ExternalId, p.Title, p.InFeed)).ToList());
        var stored = Assert.Single(await world.ListAsync(shop, db => db.ProductImports.Where(i => i.Id == import.Id)));
        Assert.Equal((ProductImportStatus.Failed, import.Error), (stored.Status, stored.Error));
        Assert.NotNull(stored.FinishedAt);
        Assert.Empty(await world.ListAsync(shop, db => db.StagedProducts));
    }

    [Fact]
    public async Task A_web_page_instead_of_a_feed_changes_nothing_and_says_so()
    {
        await world.ImportAsync(shop, Csv(Row("A", "Boot", "10.00 EUR")));

        var import = await world.ImportAsync(shop, new MemoryStream("<!DOCTYPE html><html><body>Not found</body></html>"u8.ToArray()), "feed.xml");

        Assert.Equal((ProductImportStatus.Failed, ProductFeedFormatException.HtmlPage), (import.Status, import.Error));
        Assert.True(Assert.Single(await world.ProductsAsync(shop)).InFeed);
    }

    [Fact]
    public async Task Another_merchant_s_products_are_untouched()
    {
        var other = await world.AddMerchantAsync("Other shop", currency: "GBP");
        await world.ImportAsync(other, Csv(Row("A", "Their boot", "10.00 GBP"), Row("Z", "Their zip", "1.00 GBP")));

        var import = await world.ImportAsync(shop, Csv(Row("A", "Our boot", "10.00 EUR")));

        Assert.Equal((1, 0), (import.Created, import.MadeUnavailable));
        Assert.Equal([("A", "Their boot", true), ("Z", "Their zip", true)], (await world.ProductsAsync(other)).Select(p => (p.ExternalId, p.Title, p.InFeed)).ToList());
        Assert.Equal("Our boot", Assert.Single(await world.ProductsAsync(shop)).Title);
    }

    [Fact]
    public async Task Two_imports_of_one_merchant_run_one_after_the_other()
    {
        var gate = await world.Gate.EnterAsync(shop, CancellationToken.None);
        var waiting = world.ImportAsync(shop, Csv(Row("A", "Boot", "10.00 EUR")));

        Assert.False(waiting.IsCompleted);
        Assert.Empty(await world.ListAsync(shop, db => db.ProductImports));
        gate.Dispose();
        Assert.Equal(ProductImportStatus.Succeeded, (await waiting).Status);
    }

    [Fact]
    public async Task An_import_of_several_batches_is_stored_with_its_source_and_report()
    {
        var import = await world.ImportAsync(shop, Csv(Enumerable.Range(1, 2300).Select(i => Row($"P{i}", $"Product {i}", "1.00 EUR")).ToArray()));

        var stored = Assert.Single(await world.ListAsync(shop, db => db.ProductImports.AsNoTracking()));
        Assert.Equal(
            (ProductImportStatus.Succeeded, 2300, 2300, ProductImportSource.Upload, "feed.csv", world.Clock.GetUtcNow()),
            (stored.Status, stored.RowsRead, stored.Created, stored.Source, stored.SourceName, stored.FinishedAt));
        Assert.Equal(import.Id, stored.Id);
    }

    [Fact]
    public async Task A_running_import_shows_its_progress_and_changes_no_product_before_the_feed_has_been_read()
    {
        await world.ImportAsync(shop, Csv(Row("P1", "Before", "1.00 EUR")));
        ProductImport? seen = null;
        List<Product>? productsMidway = null;
        var feed = new ObservedStream(GeneratedFeedStream.Csv(3000), 2500, () =>
        {
            seen = world.ListAsync(shop, db => db.ProductImports.AsNoTracking().Where(i => i.Status == ProductImportStatus.Running)).GetAwaiter().GetResult().SingleOrDefault();
            productsMidway = world.ProductsAsync(shop).GetAwaiter().GetResult();
        });

        var import = await world.ImportAsync(shop, feed);

        Assert.NotNull(seen);
        Assert.Equal(import.Id, seen.Id);
        Assert.InRange(seen.RowsRead, 1000, 2499);
        Assert.Equal([("P1", "Before")], productsMidway!.Select(p => (p.ExternalId, p.Title)).ToList());
        Assert.Equal((ProductImportStatus.Succeeded, 3000, 2999, 1), (import.Status, import.RowsRead, import.Created, import.Updated));
    }

    /// <summary>Calls back once, when the generated feed has written a given number of items.</summary>
    private sealed class ObservedStream(GeneratedFeedStream inner, int atItem, Action observe) : Stream
    {
        private bool observed;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (!observed && inner.ItemsWritten >= atItem)
            {
                observed = true;
                observe();
            }

            return inner.Read(buffer, offset, count);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static (ProductImportStatus, int Read, int Created, int Updated, int Unchanged, int MadeUnavailable) Counts(ProductImport i) =>
        (i.Status, i.RowsRead, i.Created, i.Updated, i.Unchanged, i.MadeUnavailable);

    private static string Row(string id, string title, string price, string? group = null, string? color = null, string? size = null) =>
        $"{id},\"{title}\",https://shop.example/{id},{price},in_stock,Acme,{group},{color},{size}\n";

    private static MemoryStream Csv(params string[] rows) => new(Encoding.UTF8.GetBytes(Header + string.Concat(rows)));
}
