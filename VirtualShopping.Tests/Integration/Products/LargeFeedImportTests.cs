using System.Diagnostics;
using VirtualShopping.Domain.Products;
using VirtualShopping.Tests.Infrastructure.Products;

namespace VirtualShopping.Tests.Integration.Products;

/// <summary>The benchmark shape: a generated 100,000-item feed, imported, then re-imported unchanged (figures in the test output).</summary>
public sealed class LargeFeedImportTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Items = 100_000;

    private ProductCatalogDatabase world = null!;

    public async ValueTask InitializeAsync() => world = await ProductCatalogDatabase.CreateAsync();

    public ValueTask DisposeAsync() => world.DisposeAsync();

    [Theory]
    [InlineData("xml")]
    [InlineData("csv")]
    public async Task A_100000_item_feed_is_imported_and_its_unchanged_re_import_changes_nothing(string format)
    {
        var shop = await world.AddMerchantAsync("Large " + format);
        Stream Feed() => format == "xml" ? GeneratedFeedStream.Rss(Items) : GeneratedFeedStream.Csv(Items);

        var timer = Stopwatch.StartNew();
        var first = await world.ImportAsync(shop, Feed(), "large." + format);
        var firstTime = timer.Elapsed;
        timer.Restart();
        var second = await world.ImportAsync(shop, Feed(), "large." + format);
        var secondTime = timer.Elapsed;

        output.WriteLine($"{format}: import {firstTime.TotalSeconds:0.0} s, unchanged re-import {secondTime.TotalSeconds:0.0} s, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB");
        Assert.Equal((ProductImportStatus.Succeeded, Items, Items), (first.Status, first.RowsRead, first.Created));
        Assert.Equal((ProductImportStatus.Succeeded, Items, 0, 0, Items), (second.Status, second.RowsRead, second.Created, second.Updated, second.Unchanged));
    }
}
