using System.Text.Json;
using System.Text.Json.Serialization;
using VirtualShopping.Domain.Products;
using VirtualShopping.Domain.Settings;

namespace VirtualShopping.Web.Features.Products;

/// <summary>
/// The <c>product</c> of a <c>kind: 'Product'</c> message, for both sides: the product as it was when the expert sent it
/// (a later import does not change a sent card), and its share link, which opens the product page and records the click.
/// Stored as the message's Data.
/// </summary>
/// <param name="Variant">The variant's colour and size, e.g. "Grey, 41.5"; null when the feed gives neither.</param>
/// <param name="ImageUrl">The merchant's image, https only; null otherwise (clients show a placeholder).</param>
/// <param name="SalePrice">Only when below <paramref name="Price"/>.</param>
/// <param name="Url">The share link (/p/{token}, absolute).</param>
public sealed record ProductCardView(
    Guid ProductId,
    string ExternalId,
    string Title,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Variant,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Brand,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ImageUrl,
    decimal Price,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? SalePrice,
    string Currency,
    ProductAvailability Availability,
    string Url)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The card of a product now, with its share link.</summary>
    public static ProductCardView Of(Product product, string shareUrl)
    {
        ArgumentNullException.ThrowIfNull(product);
        return new(
            product.Id,
            product.ExternalId,
            product.Title,
            VariantOf(product),
            product.Brand,
            ImageOf(product),
            product.Price,
            SalePriceOf(product),
            product.Currency,
            product.EffectiveAvailability,
            shareUrl);
    }

    /// <summary>The product's image as staff and shoppers may be shown it: the merchant's URL over https only, else null.</summary>
    public static string? ImageOf(Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        return SafeUrl.IsHttps(product.ImageLink) ? product.ImageLink : null;
    }

    /// <summary>The sale price, only when it is below the price.</summary>
    public static decimal? SalePriceOf(Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        return product.SalePrice is { } sale && sale < product.Price ? sale : null;
    }

    /// <summary>"Grey, 41.5", "Grey" or "41.5"; null when the product has neither colour nor size.</summary>
    public static string? VariantOf(Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        var parts = new[] { product.Color, product.Size }.Where(p => !string.IsNullOrWhiteSpace(p)).ToArray();
        return parts.Length == 0 ? null : string.Join(", ", parts);
    }

    /// <summary>
    /// A message's text for one-line previews (the inbox list): a product card's plain line without its share link at the
    /// end; any other text as it is.
    /// </summary>
    public static string PreviewOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var space = text.LastIndexOf(' ');
        var tail = space < 0 ? string.Empty : text[(space + 1)..];
        var slash = tail.LastIndexOf("/p/", StringComparison.Ordinal);
        return slash > 0 && Uri.IsWellFormedUriString(tail, UriKind.Absolute) && ShareToken.IsWellFormed(tail[(slash + 3)..]) ? text[..space] : text;
    }

    /// <summary>The view stored in a message's Data, or null when there is none.</summary>
    public static ProductCardView? Read(string? data) => string.IsNullOrEmpty(data) ? null : JsonSerializer.Deserialize<ProductCardView>(data, Json);

    public string ToData() => JsonSerializer.Serialize(this, Json);

    public string PriceText => ProductCatalog.Money(Price, Currency);

    public string? SalePriceText => SalePrice is { } sale ? ProductCatalog.Money(sale, Currency) : null;

    public string AvailabilityText => ProductCatalog.AvailabilityLabel(Availability, true).ToLowerInvariant();

    /// <summary>
    /// The message's plain text, for transcripts, emails and clients that do not know the kind, e.g.
    /// "Trail Runner 2 (Grey, 41.5): 89.00 GBP (sale, was 119.00 GBP), in stock https://…/p/…".
    /// </summary>
    public string ToText()
    {
        var name = Variant is null ? Title : $"{Title} ({Variant})";
        var price = SalePriceText is { } sale ? $"{sale} (sale, was {PriceText})" : PriceText;
        return $"{name}: {price}, {AvailabilityText} {Url}";
    }
}
