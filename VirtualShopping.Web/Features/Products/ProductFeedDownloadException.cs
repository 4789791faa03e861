namespace VirtualShopping.Web.Features.Products;

/// <summary>A feed download refused or failed; the message says why in plain words.</summary>
public sealed class ProductFeedDownloadException : Exception
{
    public ProductFeedDownloadException()
    {
    }

    public ProductFeedDownloadException(string message)
        : base(message)
    {
    }

    public ProductFeedDownloadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
