using System.IO.Compression;
using System.Text;

namespace VirtualShopping.Tests.Infrastructure.Products;

/// <summary>Real-shaped product feeds: Google Merchant Center's RSS 2.0 and Atom examples, and CSV/TSV exports.</summary>
internal static class FeedSamples
{
    /// <summary>Google's RSS 2.0 example: a TV (used, with nested g:shipping before its price), a shirt on sale, a sold-out book, and two variants of a dress.</summary>
    public const string GoogleRss = """
        <?xml version="1.0"?>
        <rss xmlns:g="http://base.google.com/ns/1.0" version="2.0">
        <channel>
        <title>Example - Online Store</title>
        <link>https://www.example.com</link>
        <description>This is a sample feed containing the required and recommended attributes for a variety of different products</description>
        <item>
        <g:id>TV_123456</g:id>
        <g:title>LG 22LB4510 - 22&quot; LED TV - 1080p (FullHD)</g:title>
        <g:description>Attractively styled and boasting stunning picture quality, the LG 22LB4510 - 22&quot; LED TV is an excellent television &amp; monitor.</g:description>
        <g:link>https://www.example.com/electronics/tv/22LB4510.html</g:link>
        <g:image_link>https://images.example.com/TV_123456.png</g:image_link>
        <g:condition>used</g:condition>
        <g:availability>in stock</g:availability>
        <g:shipping>
        <g:country>US</g:country>
        <g:service>Standard</g:service>
        <g:price>14.95 USD</g:price>
        </g:shipping>
        <g:price>159.00 USD</g:price>
        <g:gtin>71919219405200</g:gtin>
        <g:brand>LG</g:brand>
        <g:mpn>22LB4510/US</g:mpn>
        <g:google_product_category>Electronics &gt; Video &gt; Televisions &gt; Flat Panel Televisions</g:google_product_category>
        <g:product_type>Consumer Electronics &gt; TVs &gt; Flat Panel TVs</g:product_type>
        </item>
        <item>
        <g:id>DRESS_RED_S</g:id>
        <g:title>Summer Dress, red, small</g:title>
        <g:link>https://www.example.com/dress.html?color=red&amp;size=s</g:link>
        <g:image_link><![CDATA[https://images.example.com/dress-red.jpg]]></g:image_link>
        <g:price>49.00 USD</g:price>
        <g:sale_price>39.00 USD</g:sale_price>
        <g:availability>in_stock</g:availability>
        <g:item_group_id>DRESS</g:item_group_id>
        <g:color>Red</g:color>
        <g:size>S</g:size>
        </item>
        <item>
        <g:id>DRESS_BLUE_M</g:id>
        <g:title>Summer Dress, blue, medium</g:title>
        <g:link>https://www.example.com/dress.html?color=blue&amp;size=m</g:link>
        <g:price>49.00 USD</g:price>
        <g:availability>preorder</g:availability>
        <g:item_group_id>DRESS</g:item_group_id>
        <g:color>Blue</g:color>
        <g:size>M</g:size>
        </item>
        <item>
        <title>The Bookshop Cookbook</title>
        <link>https://www.example.com/books/cookbook.html</link>
        <description><![CDATA[Recipes <b>from</b> the shop.]]></description>
        <g:id>BOOK_1</g:id>
        <g:price>24.50 USD</g:price>
        <g:availability>out_of_stock</g:availability>
        </item>
        </channel>
        </rss>
        """;

    /// <summary>Google's Atom 1.0 example shape, one entry with Google attributes and one relying on Atom's own title, link and summary.</summary>
    public const string GoogleAtom = """
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xmlns:g="http://base.google.com/ns/1.0">
        <title>Example - Online Store</title>
        <link rel="self" href="https://www.example.com"/>
        <updated>2026-11-29T12:00:00Z</updated>
        <entry>
        <g:id>TV_123456</g:id>
        <g:title>LG 22LB4510 - 22" LED TV - 1080p (FullHD)</g:title>
        <g:link>https://www.example.com/electronics/tv/22LB4510.html</g:link>
        <g:price>159.00 USD</g:price>
        <g:availability>in_stock</g:availability>
        <g:brand>LG</g:brand>
        </entry>
        <entry>
        <id>tag:example.com,2026:mug</id>
        <title>Enamel Mug</title>
        <link rel="edit" href="https://admin.example.com/mug"/>
        <link href="https://www.example.com/mug.html"/>
        <summary>A mug for the campfire.</summary>
        <updated>2026-11-29T12:00:00Z</updated>
        <g:id>MUG_1</g:id>
        <g:price>9.90 USD</g:price>
        <g:availability>backorder</g:availability>
        </entry>
        </feed>
        """;

    /// <summary>A shop's CSV export: quoted commas, doubled quotes, a line break inside quotes, CRLF line ends, an unknown column.</summary>
    public const string Csv =
        "id,title,description,link,price,sale_price,availability,brand,internal_note\r\n" +
        "SHIRT_1,\"Linen shirt, white\",\"Breathable linen.\nMachine washable.\",https://shop.example/shirt,44.50 EUR,39.00 EUR,in_stock,Acme,keep\r\n" +
        "MUG_2,\"The \"\"Big\"\" mug\",,https://shop.example/mug,\"12,99 EUR\",,out_of_stock,Acme,\r\n" +
        "BELT_3,Belt,Leather,https://shop.example/belt,19.99 EUR,,backorder\r\n";

    /// <summary>A Google Sheets TSV download, header with g: prefixes and spaces.</summary>
    public const string Tsv =
        "g:id\tTitle\tLink\tPrice\tAvailability\tImage Link\n" +
        "SOCK_1\tWool socks\thttps://shop.example/socks\t9.00 GBP\tin stock\thttps://img.example/socks.jpg\n" +
        "SOCK_2\tCotton socks\thttps://shop.example/socks2\t7.00 GBP\tout of stock\thttp://img.example/socks2.jpg\n";

    public static MemoryStream Utf8(string text, bool bom = false) =>
        new([.. bom ? Encoding.UTF8.GetPreamble() : Array.Empty<byte>(), .. Encoding.UTF8.GetBytes(text)]);

    public static MemoryStream Gzip(string text)
    {
        var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        packed.Position = 0;
        return packed;
    }
}
