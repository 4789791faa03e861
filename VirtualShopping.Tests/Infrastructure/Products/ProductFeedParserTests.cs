using VirtualShopping.Domain.Products;
using VirtualShopping.Infrastructure.Products.Feeds;
using static VirtualShopping.Tests.Infrastructure.Products.FeedSamples;

namespace VirtualShopping.Tests.Infrastructure.Products;

/// <summary><see cref="ProductFeedParser"/>: items and rejections from a whole feed, bad rows never stopping good ones.</summary>
public sealed class ProductFeedParserTests
{
    private static async Task<(List<ProductFeedItem> Items, List<FeedRejection> Rejections)> Parse(Stream feed, string? defaultCurrency = null)
    {
        var items = new List<ProductFeedItem>();
        var rejections = new List<FeedRejection>();
        await foreach (var entry in ProductFeedParser.ParseAsync(feed, defaultCurrency))
        {
            Assert.True(entry.Item is null != entry.Rejection is null);
            if (entry.Item is { } item)
            {
                items.Add(item);
            }
            else
            {
                rejections.Add(entry.Rejection!);
            }
        }

        return (items, rejections);
    }

    [Fact]
    public async Task Google_rss_example_becomes_items_with_sale_price_stock_and_variants()
    {
        var (items, rejections) = await Parse(Utf8(GoogleRss));

        Assert.Empty(rejections);
        Assert.Equal(
            [
                ("TV_123456", new Money(159.00m, "USD"), (Money?)null, ProductAvailability.InStock, (string?)null),
                ("DRESS_RED_S", new Money(49.00m, "USD"), new Money(39.00m, "USD"), ProductAvailability.InStock, "DRESS"),
                ("DRESS_BLUE_M", new Money(49.00m, "USD"), null, ProductAvailability.Preorder, "DRESS"),
                ("BOOK_1", new Money(24.50m, "USD"), null, ProductAvailability.OutOfStock, null),
            ],
            items.Select(i => (i.Id, i.Price, i.SalePrice, i.Availability, i.ItemGroupId)));
        Assert.Equal(("used", "71919219405200", "LG"), (items[0].Condition, items[0].Gtin, items[0].Brand));
        Assert.Equal("The Bookshop Cookbook", items[3].Title);
    }

    [Fact]
    public async Task Csv_tsv_and_atom_samples_parse_without_rejections()
    {
        var csv = await Parse(Utf8(Csv));
        var tsv = await Parse(Utf8(Tsv));
        var atom = await Parse(Utf8(GoogleAtom));

        Assert.Equal([new Money(44.50m, "EUR"), new Money(12.99m, "EUR"), new Money(19.99m, "EUR")], csv.Items.Select(i => i.Price));
        Assert.Equal(["https://img.example/socks.jpg", null], tsv.Items.Select(i => i.ImageLink));
        Assert.Equal(["TV_123456", "MUG_1"], atom.Items.Select(i => i.Id));
        Assert.Empty(csv.Rejections.Concat(tsv.Rejections).Concat(atom.Rejections));
    }

    [Fact]
    public async Task Malformed_csv_rows_are_rejected_with_line_and_reason_while_the_rows_around_them_come_through()
    {
        var feed = string.Join('\n',
            "id,title,link,price,availability",
            "OK_1,Hat,https://shop.example/hat,10.00 EUR,in_stock",
            ",No id,https://shop.example/x,10.00 EUR,in_stock",
            "BAD_PRICE,Scarf,https://shop.example/scarf,abc,in_stock",
            "BAD_CURRENCY,Glove,https://shop.example/glove,12.99 XYZ,in_stock",
            $"LONG_TITLE,{new string('t', 151)},https://shop.example/long,5.00 EUR,in_stock",
            "SOON,Boots,https://shop.example/boots,80.00 EUR,soon",
            "NO_CURRENCY,Cap,https://shop.example/cap,12.99,in_stock",
            "OK_2,Coat,https://shop.example/coat,\"1.299,00 EUR\",backorder");

        var (items, rejections) = await Parse(Utf8(feed));

        Assert.Equal(["OK_1", "OK_2"], items.Select(i => i.Id));
        Assert.Equal(
            [
                new FeedRejection(3, null, "missing id"),
                new FeedRejection(4, "BAD_PRICE", "bad price \"abc\""),
                new FeedRejection(5, "BAD_CURRENCY", "unknown currency XYZ"),
                new FeedRejection(6, "LONG_TITLE", "title over 150 characters"),
                new FeedRejection(7, "SOON", "bad availability \"soon\""),
                new FeedRejection(8, "NO_CURRENCY", "no currency"),
            ],
            rejections);
        Assert.Equal(new Money(1299.00m, "EUR"), items[1].Price);
    }

    [Fact]
    public async Task The_default_currency_prices_rows_that_name_none() =>
        Assert.Equal(new Money(12.99m, "EUR"),
            Assert.Single((await Parse(Utf8("id,title,link,price,availability\nA,Cap,https://s.example/a,12.99,in_stock\n"), "EUR")).Items).Price);

    [Fact]
    public async Task Malformed_xml_items_are_rejected_with_their_item_number()
    {
        const string feed = """
            <rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel>
            <item><g:id>A</g:id><g:title>Hat</g:title><g:link>https://s.example/a</g:link><g:price>1 EUR</g:price><g:availability>in_stock</g:availability></item>
            <item><g:id>B</g:id><g:title>Hat</g:title><g:link>https://s.example/b</g:link><g:price>1 EUR</g:price></item>
            <item/>
            <item><g:id>C</g:id><g:title>Hat</g:title><g:link>https://s.example/c</g:link><g:price>1 EUR</g:price><g:availability>in_stock</g:availability></item>
            </channel></rss>
            """;

        var (items, rejections) = await Parse(Utf8(feed));

        Assert.Equal(["A", "C"], items.Select(i => i.Id));
        Assert.Equal([new FeedRejection(2, "B", "missing availability") { Kind = FeedPositionKind.Item }, new FeedRejection(3, null, "missing id") { Kind = FeedPositionKind.Item }], rejections);
    }

    [Fact]
    public async Task A_duplicate_id_keeps_the_later_row_and_reports_the_earlier_one()
    {
        var feed = "id,title,link,price,availability\n"
                   + "A,Old hat,https://s.example/a,1 EUR,in_stock\n"
                   + "B,Scarf,https://s.example/b,2 EUR,in_stock\n"
                   + "A,New hat,https://s.example/a,3 EUR,in_stock\n";

        var (items, rejections) = await Parse(Utf8(feed));

        Assert.Equal(["Old hat", "Scarf", "New hat"], items.Select(i => i.Title));
        Assert.Equal([new FeedRejection(2, "A", "duplicate id: the later row at line 4 was kept")], rejections);
    }

    [Fact]
    public async Task A_duplicate_xml_item_is_reported_by_item_number()
    {
        var (_, rejections) = await Parse(Utf8(GoogleRss.Replace("DRESS_BLUE_M", "DRESS_RED_S", StringComparison.Ordinal)));

        Assert.Equal([new FeedRejection(2, "DRESS_RED_S", "duplicate id: the later row at item 3 was kept") { Kind = FeedPositionKind.Item }], rejections);
    }

    [Fact]
    public async Task Truncated_xml_reports_the_items_before_the_break_then_fails()
    {
        var cut = GoogleRss[..GoogleRss.IndexOf("</channel>", StringComparison.Ordinal)];
        var parsed = new List<ParsedFeedEntry>();

        await Assert.ThrowsAsync<ProductFeedFormatException>(async () =>
        {
            await foreach (var entry in ProductFeedParser.ParseAsync(Utf8(cut), null))
            {
                parsed.Add(entry);
            }
        });
        Assert.Equal(4, parsed.Count(e => e.Item is not null));
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("csv")]
    public async Task A_hundred_thousand_item_feed_is_parsed_while_it_is_still_being_written(string format)
    {
        var feed = format == "xml" ? GeneratedFeedStream.Rss(100_000) : GeneratedFeedStream.Csv(100_000);
        var count = 0;
        var writtenAtFirstItem = 0;

        await foreach (var entry in ProductFeedParser.ParseAsync(feed, null))
        {
            Assert.NotNull(entry.Item);
            writtenAtFirstItem = count++ == 0 ? feed.ItemsWritten : writtenAtFirstItem;
        }

        Assert.Equal(100_000, count);
        Assert.InRange(writtenAtFirstItem, 1, 1_000);
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("csv")]
    public async Task Cancelling_stops_a_parse_between_rows(string format)
    {
        var feed = format == "xml" ? GeneratedFeedStream.Rss(100_000) : GeneratedFeedStream.Csv(100_000);
        using var cancellation = new CancellationTokenSource();
        var count = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in ProductFeedParser.ParseAsync(feed, null, cancellation.Token))
            {
                if (++count == 10)
                {
                    await cancellation.CancelAsync();
                }
            }
        });
        Assert.Equal(10, count);
        Assert.True(feed.ItemsWritten < 1_000);
    }
}
