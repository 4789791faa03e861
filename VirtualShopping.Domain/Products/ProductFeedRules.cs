using System.Text;

namespace VirtualShopping.Domain.Products;

/// <summary>The rules that turn a <see cref="RawFeedRow"/> into a <see cref="ProductFeedItem"/>, or reject it in plain words.</summary>
public static class ProductFeedRules
{
    private static readonly HashSet<string> Conditions = new(StringComparer.Ordinal) { "new", "refurbished", "used" };
    private static readonly HashSet<int> GtinLengths = [8, 12, 13, 14];

    public static ProductFeedValidation Validate(RawFeedRow row, string? defaultCurrency)
    {
        ArgumentNullException.ThrowIfNull(row);
        var id = Clean(row[FeedAttributes.Id]);
        string? reason = null;
        var item = row.IsTooLong ? null : Build(row, id, defaultCurrency, ref reason);
        return item is not null
            ? new ProductFeedValidation(item, null)
            : new ProductFeedValidation(null, new FeedRejection(row.Position, Truncate(id), reason ?? "row too long") { Kind = row.Kind });
    }

    /// <summary>Trimmed, control characters removed (line breaks kept when <paramref name="multiline"/>, else made spaces, as tabs are; carriage returns dropped); null when nothing is left.</summary>
    public static string? Clean(string? text, bool multiline = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text.AsSpan().Trim())
        {
            if (c == '\n' && multiline)
            {
                builder.Append('\n');
            }
            else if (c is '\n' or '\t')
            {
                builder.Append(' ');
            }
            else if (!char.IsControl(c))
            {
                builder.Append(c);
            }
        }

        var cleaned = builder.ToString().Trim();
        return cleaned.Length == 0 ? null : cleaned;
    }

    private static ProductFeedItem? Build(RawFeedRow row, string? id, string? defaultCurrency, ref string? reason)
    {
        var title = Clean(row[FeedAttributes.Title]);
        var description = Clean(row[FeedAttributes.Description], multiline: true);
        var linkText = Clean(row[FeedAttributes.Link]);
        var link = WebUrl(linkText, allowHttp: true);
        var priceText = Clean(row[FeedAttributes.Price]);
        var availabilityText = Clean(row[FeedAttributes.Availability]);
        var brand = Clean(row[FeedAttributes.Brand]);
        var mpn = Clean(row[FeedAttributes.Mpn]);
        var productType = Clean(row[FeedAttributes.ProductType]);
        var itemGroupId = Clean(row[FeedAttributes.ItemGroupId]);
        var color = Clean(row[FeedAttributes.Color]);
        var size = Clean(row[FeedAttributes.Size]);
        Money price = default;
        string? priceError = null;
        ProductAvailability availability = default;
        reason = id is null ? "missing id"
            : TooLong("id", id, ProductFeedItem.MaxIdLength)
              ?? (title is null ? "missing title" : TooLong("title", title, ProductFeedItem.MaxTitleLength))
              ?? TooLong("description", description, ProductFeedItem.MaxDescriptionLength)
              ?? (linkText is null ? "missing link" : link is null ? $"bad link {FeedPrice.Quote(linkText)}" : null)
              ?? (FeedPrice.TryParse(priceText, defaultCurrency, out price, out priceError) ? null : priceError)
              ?? (availabilityText is null ? "missing availability"
                  : FeedAvailability.TryParse(availabilityText, out availability) ? null : $"bad availability {FeedPrice.Quote(availabilityText)}")
              ?? TooLong("brand", brand, ProductFeedItem.MaxBrandLength)
              ?? TooLong("mpn", mpn, ProductFeedItem.MaxMpnLength)
              ?? TooLong("product_type", productType, ProductFeedItem.MaxProductTypeLength)
              ?? TooLong("item_group_id", itemGroupId, ProductFeedItem.MaxItemGroupIdLength)
              ?? TooLong("color", color, ProductFeedItem.MaxColorLength)
              ?? TooLong("size", size, ProductFeedItem.MaxSizeLength);
        if (reason is not null || id is null || title is null || link is null)
        {
            return null;
        }

        var condition = Clean(row[FeedAttributes.Condition])?.ToLowerInvariant();
        var gtin = Clean(row[FeedAttributes.Gtin]);
        return new ProductFeedItem(
            id, title, description, link, WebUrl(Clean(row[FeedAttributes.ImageLink]), allowHttp: false), price,
            SalePrice(Clean(row[FeedAttributes.SalePrice]), price), availability, brand,
            gtin is not null && GtinLengths.Contains(gtin.Length) && gtin.All(char.IsAsciiDigit) ? gtin : null,
            mpn, condition is not null && Conditions.Contains(condition) ? condition : null, productType, itemGroupId, color, size);
    }

    private static Money? SalePrice(string? text, Money price) =>
        text is not null && FeedPrice.TryParse(text, price.Currency, out var sale, out _)
        && sale.Currency == price.Currency && sale.Amount < price.Amount
            ? sale
            : null;

    /// <summary>An absolute URL with a host and no user info, escaped as browsers send it (so safe in an HTML attribute); null otherwise.</summary>
    private static string? WebUrl(string? text, bool allowHttp)
    {
        if (text is null || text.Length > ProductFeedItem.MaxUrlLength
            || !Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || (allowHttp && uri.Scheme == Uri.UriSchemeHttp))
            || string.IsNullOrEmpty(uri.Host) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return null;
        }

        var escaped = uri.AbsoluteUri.Replace("'", "%27", StringComparison.Ordinal);
        return escaped.Length <= ProductFeedItem.MaxUrlLength ? escaped : null;
    }

    private static string? TooLong(string attribute, string? value, int max) =>
        value is not null && value.Length > max ? $"{attribute} over {max} characters" : null;

    private static string? Truncate(string? id) =>
        id is null || id.Length <= ProductFeedItem.MaxIdLength ? id : id[..ProductFeedItem.MaxIdLength];
}
