using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace VirtualShopping.Domain.Products;

/// <summary>A hash of everything a feed says about a product: equal hashes mean nothing to update.</summary>
public static class ProductContentHash
{
    /// <summary>32 hex characters (128 bits of SHA-256).</summary>
    public const int Length = 32;

    public static string Of(ProductFeedItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var text = new StringBuilder(256);
        foreach (var value in new[]
                 {
                     item.Id, item.Title, item.Description, item.Link, item.ImageLink,
                     item.Price.Amount.ToString(CultureInfo.InvariantCulture), item.Price.Currency,
                     item.SalePrice?.Amount.ToString(CultureInfo.InvariantCulture), item.Availability.ToString(),
                     item.Brand, item.Gtin, item.Mpn, item.Condition, item.ProductType, item.ItemGroupId, item.Color, item.Size,
                 })
        {
            // A field's length first, so no two different rows write the same text.
            text.Append(value is null ? "-1" : value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('|');
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()), hash);
        return Convert.ToHexString(hash[..(Length / 2)]);
    }
}
