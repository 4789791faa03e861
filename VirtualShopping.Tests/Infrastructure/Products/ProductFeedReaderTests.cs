using System.Text;
using VirtualShopping.Domain.Products;
using VirtualShopping.Infrastructure.Products.Feeds;
using static VirtualShopping.Tests.Infrastructure.Products.FeedSamples;

namespace VirtualShopping.Tests.Infrastructure.Products;

/// <summary><see cref="ProductFeedReader"/>: every feed format merchants upload, streamed row by row, and what is not a feed.</summary>
public sealed class ProductFeedReaderTests
{
    private static async Task<List<RawFeedRow>> ReadAll(Stream feed)
    {
        var rows = new List<RawFeedRow>();
        await foreach (var row in ProductFeedReader.ReadAsync(feed))
        {
            rows.Add(row);
        }

        return rows;
    }

    private static async Task<(List<RawFeedRow> Rows, ProductFeedFormatException Error)> ReadUntilFailure(Stream feed)
    {
        var rows = new List<RawFeedRow>();
        var error = await Assert.ThrowsAsync<ProductFeedFormatException>(async () =>
        {
            await foreach (var row in ProductFeedReader.ReadAsync(feed))
            {
                rows.Add(row);
            }
        });
        return (rows, error);
    }

    [Fact]
    public async Task Google_rss_items_are_read_with_their_g_attributes_and_item_numbers()
    {
        var rows = await ReadAll(Utf8(GoogleRss));

        Assert.Equal([(1, "TV_123456"), (2, "DRESS_RED_S"), (3, "DRESS_BLUE_M"), (4, "BOOK_1")], rows.Select(r => (r.Position, r["id"])));
        Assert.All(rows, r => Assert.Equal(FeedPositionKind.Item, r.Kind));
        var tv = rows[0];
        Assert.Equal("LG 22LB4510 - 22\" LED TV - 1080p (FullHD)", tv["title"]);
        Assert.Equal("159.00 USD", tv["price"]);
        Assert.Equal("in stock", tv["availability"]);
        Assert.Equal("Consumer Electronics > TVs > Flat Panel TVs", tv["product_type"]);
        Assert.EndsWith("television & monitor.", tv["description"], StringComparison.Ordinal);
        Assert.False(tv.Fields.ContainsKey("shipping"));
        Assert.False(tv.Fields.ContainsKey("google_product_category"));
        Assert.Equal(("39.00 USD", "https://images.example.com/dress-red.jpg", "https://www.example.com/dress.html?color=red&size=s"),
            (rows[1]["sale_price"], rows[1]["image_link"], rows[1]["link"]));
        Assert.Equal(("DRESS", "Blue", "M"), (rows[2]["item_group_id"], rows[2]["color"], rows[2]["size"]));
    }

    [Fact]
    public async Task Plain_rss_title_link_and_description_stand_in_for_missing_g_attributes()
    {
        var book = (await ReadAll(Utf8(GoogleRss)))[3];

        Assert.Equal(("The Bookshop Cookbook", "https://www.example.com/books/cookbook.html", "Recipes <b>from</b> the shop."),
            (book["title"], book["link"], book["description"]));
    }

    [Fact]
    public async Task Atom_entries_are_read_with_their_alternate_link_and_summary()
    {
        var rows = await ReadAll(Utf8(GoogleAtom));

        Assert.Equal([(1, "TV_123456", "LG"), (2, "MUG_1", null)], rows.Select(r => (r.Position, r["id"], r["brand"])));
        Assert.Equal(("Enamel Mug", "https://www.example.com/mug.html", "A mug for the campfire.", "backorder"),
            (rows[1]["title"], rows[1]["link"], rows[1]["description"], rows[1]["availability"]));
    }

    [Fact]
    public async Task Any_prefix_bound_to_the_google_namespace_is_read()
    {
        const string feed = """
            <rss version="2.0" xmlns:merchant="http://base.google.com/ns/1.0" xmlns:g="urn:not-google"><channel>
            <item><merchant:id>A1</merchant:id><g:id>NOT_THIS</g:id><merchant:price>5 EUR</merchant:price></item>
            </channel></rss>
            """;

        var row = Assert.Single(await ReadAll(Utf8(feed)));

        Assert.Equal(("A1", "5 EUR"), (row["id"], row["price"]));
    }

    [Fact]
    public async Task Csv_rows_keep_quoted_commas_quotes_and_line_breaks_and_count_physical_lines()
    {
        var rows = await ReadAll(Utf8(Csv));

        Assert.Equal([2, 4, 5], rows.Select(r => r.Position));
        Assert.All(rows, r => Assert.Equal(FeedPositionKind.Line, r.Kind));
        Assert.Equal(("Linen shirt, white", "Breathable linen.\nMachine washable.", "39.00 EUR"),
            (rows[0]["title"], rows[0]["description"], rows[0]["sale_price"]));
        Assert.Equal(("The \"Big\" mug", "12,99 EUR", ""), (rows[1]["title"], rows[1]["price"], rows[1]["description"]));
        Assert.Null(rows[2]["brand"]);
        Assert.DoesNotContain(rows, r => r.Fields.ContainsKey("internal_note"));
    }

    [Fact]
    public async Task Tsv_headers_are_matched_with_g_prefixes_spaces_and_any_case()
    {
        var rows = await ReadAll(Utf8(Tsv));

        Assert.Equal([("SOCK_1", "Wool socks", "9.00 GBP", "in stock", "https://img.example/socks.jpg"),
                ("SOCK_2", "Cotton socks", "7.00 GBP", "out of stock", "http://img.example/socks2.jpg")],
            rows.Select(r => (r["id"], r["title"], r["price"], r["availability"], r["image_link"])));
    }

    [Fact]
    public async Task Semicolon_separated_text_is_read_when_the_header_has_no_comma()
    {
        var row = Assert.Single(await ReadAll(Utf8("id;title;price\nA;Kaffee, stark;\"4,50 EUR\"\n")));

        Assert.Equal(("A", "Kaffee, stark", "4,50 EUR"), (row["id"], row["title"], row["price"]));
    }

    [Fact]
    public async Task Blank_lines_are_skipped_and_short_rows_miss_their_last_fields()
    {
        var rows = await ReadAll(Utf8("\n\nid,title,price\n\nA,Hat\n,,\nB,Cap,3 EUR"));

        Assert.Equal([(5, "A", "Hat", null), (7, "B", "Cap", "3 EUR")], rows.Select(r => (r.Position, r["id"], r["title"], r["price"])));
    }

    [Fact]
    public async Task Html_entities_in_exported_text_are_decoded()
    {
        var row = Assert.Single(await ReadAll(Utf8("id,title\nA,Tom &amp; Jerry&#39;s &quot;Mug&quot;\n")));

        Assert.Equal("Tom & Jerry's \"Mug\"", row["title"]);
    }

    [Fact]
    public async Task A_gzip_feed_is_unpacked_whatever_its_name()
    {
        var rows = await ReadAll(Gzip(GoogleRss));

        Assert.Equal(4, rows.Count);
        Assert.Equal("TV_123456", rows[0]["id"]);
    }

    [Fact]
    public async Task A_utf8_byte_order_mark_is_not_part_of_the_first_header()
    {
        var rows = await ReadAll(Utf8("id,title\nÄ1,Kärcher\n", bom: true));

        Assert.Equal(("Ä1", "Kärcher"), (rows[0]["id"], rows[0]["title"]));
    }

    [Fact]
    public async Task Utf16_feeds_with_a_byte_order_mark_are_read()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(GoogleAtom.Replace("UTF-8", "UTF-16", StringComparison.Ordinal))).ToArray();

        var rows = await ReadAll(new MemoryStream(bytes));

        Assert.Equal(["TV_123456", "MUG_1"], rows.Select(r => r["id"]));
    }

    [Fact]
    public async Task Bytes_invalid_in_utf8_are_replaced_and_reading_goes_on()
    {
        byte[] latin1 = [.. "id,title\nA,Caf"u8, 0xE9, .. " cr"u8, 0xE8, .. "me\nB,Tea\n"u8];

        var rows = await ReadAll(new MemoryStream(latin1));

        Assert.Equal([("A", "Caf\uFFFD cr\uFFFDme"), ("B", "Tea")], rows.Select(r => (r["id"], r["title"])));
    }

    [Theory]
    [InlineData("ISO-8859-1", "Café crème", "12.50 EUR")]
    [InlineData("windows-1252", "Café crème", "12.50 €")]
    public async Task Xml_in_the_single_byte_encoding_its_declaration_names_is_read_in_that_encoding(string encoding, string title, string price)
    {
        var feed = $"""
            <?xml version="1.0" encoding="{encoding}"?>
            <rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel>
            <item><g:id>C1</g:id><g:title>{title}</g:title><g:price>{price}</g:price></item>
            </channel></rss>
            """;

        var row = Assert.Single(await ReadAll(new MemoryStream(CodePagesEncodingProvider.Instance.GetEncoding(encoding)?.GetBytes(feed) ?? Encoding.Latin1.GetBytes(feed))));

        Assert.Equal((title, price), (row["title"], row["price"]));
    }

    [Fact]
    public async Task Truncated_xml_yields_the_items_before_the_break_then_says_where_it_broke()
    {
        var cut = GoogleRss[..GoogleRss.IndexOf("<g:id>DRESS_BLUE_M", StringComparison.Ordinal)];

        var (rows, error) = await ReadUntilFailure(Utf8(cut));

        Assert.Equal(["TV_123456", "DRESS_RED_S"], rows.Select(r => r["id"]));
        Assert.StartsWith($"The feed's XML is broken at line {cut.Count(c => c == '\n') + 1}: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("position", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_gzip_feed_is_not_read_as_complete()
    {
        var packed = Gzip(GoogleRss).ToArray();

        var (rows, _) = await ReadUntilFailure(new MemoryStream(packed[..(packed.Length * 2 / 3)]));

        Assert.True(rows.Count < 4);
    }

    [Theory]
    [InlineData("<!DOCTYPE html>\n<html><head><title>Shop</title></head><body>Login</body></html>")]
    [InlineData("  <html lang=\"en\"><body><p>Moved</p></body></html>")]
    [InlineData("<?xml version=\"1.0\"?><!-- served by nginx --><html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>")]
    public async Task A_web_page_is_not_a_feed(string page) =>
        Assert.Equal(ProductFeedFormatException.HtmlPage, (await ReadUntilFailure(Utf8(page))).Error.Message);

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url/></urlset>")]
    [InlineData("<products><product><id>1</id></product></products>")]
    public async Task Xml_that_is_neither_rss_nor_atom_is_not_a_feed(string xml) =>
        Assert.Equal(ProductFeedFormatException.NotRssOrAtom, (await ReadUntilFailure(Utf8(xml))).Error.Message);

    [Theory]
    [InlineData("title,price\nHat,3 EUR\n")]
    [InlineData("{\"products\": []}")]
    [InlineData("\n\n")]
    public async Task Text_without_a_header_naming_an_id_column_is_not_a_feed(string text) =>
        Assert.Equal(ProductFeedFormatException.NoHeader, (await ReadUntilFailure(Utf8(text + new string(' ', 5000)))).Error.Message);

    [Theory]
    [InlineData("")]
    [InlineData(" \r\n\t ")]
    public async Task An_empty_stream_is_not_a_feed(string text)
    {
        Assert.Equal(ProductFeedFormatException.Empty, (await ReadUntilFailure(Utf8(text))).Error.Message);
        Assert.Equal(ProductFeedFormatException.Empty, (await ReadUntilFailure(Gzip(text))).Error.Message);
    }

    [Fact]
    public async Task A_huge_xml_field_marks_its_item_too_long_and_the_next_item_is_read()
    {
        var feed = $"""
            <rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel>
            <item><g:id>BIG</g:id><g:description>{new string('x', ProductFeedReader.MaxFieldLength + 1)}</g:description></item>
            <item><g:id>SMALL</g:id></item>
            </channel></rss>
            """;

        var rows = await ReadAll(Utf8(feed));

        Assert.Equal([("BIG", true), ("SMALL", false)], rows.Select(r => (r["id"], r.IsTooLong)));
        Assert.Equal("", rows[0]["description"]);
    }

    [Fact]
    public async Task A_csv_row_over_the_limit_is_marked_too_long_without_being_held_and_the_next_row_is_read()
    {
        var huge = new string('x', ProductFeedReader.MaxRowLength + 10);
        var rows = await ReadAll(Utf8($"id,title,description\nBIG,Big,\"{huge}\"\nOK,Fine,\n"));

        Assert.Equal([(2, "BIG", true), (3, "OK", false)], rows.Select(r => (r.Position, r["id"], r.IsTooLong)));
        Assert.Null(rows[0]["description"]);
    }

    [Fact]
    public async Task A_csv_field_over_the_limit_marks_its_row_too_long()
    {
        var rows = await ReadAll(Utf8($"id,title\nBIG,{new string('t', ProductFeedReader.MaxFieldLength + 1)}\n"));

        Assert.True(Assert.Single(rows).IsTooLong);
    }
}
