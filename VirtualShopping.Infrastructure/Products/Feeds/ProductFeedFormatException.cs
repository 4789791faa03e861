namespace VirtualShopping.Infrastructure.Products.Feeds;

/// <summary>The stream is not a product feed at all (a web page, broken XML, no header row, nothing): its message says why in plain words.</summary>
public sealed class ProductFeedFormatException : Exception
{
    public const string HtmlPage = "This is a web page (HTML), not a product feed.";
    public const string NotRssOrAtom = "The XML is not an RSS 2.0 or Atom feed.";
    public const string NoHeader = "No header row with an id column.";
    public const string Empty = "The feed is empty.";
    public const string BrokenCompression = "The feed's gzip compression is broken.";

    public ProductFeedFormatException()
    {
    }

    public ProductFeedFormatException(string message)
        : base(message)
    {
    }

    public ProductFeedFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
