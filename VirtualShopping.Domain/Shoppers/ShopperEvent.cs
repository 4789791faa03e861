using System.Globalization;
using VirtualShopping.Domain.Common;

namespace VirtualShopping.Domain.Shoppers;

/// <summary>
/// Something a shopper did on the merchant's site (looked at a product, changed the cart, bought), reported by
/// the site through the widget's track() call and kept against the shopper: the attribution work reads these
/// to credit orders to the expert and store the shopper last chatted with.
/// </summary>
public sealed class ShopperEvent : ITenantOwned
{
    public const int MaxProducts = 50;
    public const int MaxPurchaseIdLength = 100;

    /// <summary>Prices and amounts stop below a billion and have at most four decimals.</summary>
    public const decimal MaxAmount = MoneyAmount.Max;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid MerchantId { get; set; }

    /// <summary>The widget session's shopper id (the same id chats carry).</summary>
    public Guid ShopperId { get; set; }

    public ShopperEventType Type { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public string? PageUrl { get; set; }

    /// <summary>The shopper's waiting or active chat when the event arrived, if there was one.</summary>
    public Guid? ChatId { get; set; }

    public List<ShopperEventProduct> Products { get; set; } = [];

    /// <summary>The merchant's order id; set on purchases only, as are the other purchase fields.</summary>
    public string? PurchaseId { get; set; }

    public string? PurchaseCurrency { get; set; }

    public decimal? PurchaseSubtotal { get; set; }

    public decimal? PurchaseTotal { get; set; }

    public decimal? PurchaseTax { get; set; }

    public decimal? PurchaseShipping { get; set; }

    /// <summary>
    /// Checks a track() call and turns it into an event of the shopper at this instant. Detail, add and remove
    /// need 1–50 products; a purchase needs its id, currency and subtotal (products optional). Every problem
    /// names its field path; a purchase sent with another type is not kept.
    /// </summary>
    public static TrackingOutcome Read(TrackedEvent? input, Guid shopperId, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (input is null)
        {
            errors["body"] = ["Send the event as a JSON object."];
            return new TrackingOutcome(null, errors);
        }

        var type = TypeOf(input.Type, errors);
        var products = ReadProducts(input.Products, type != ShopperEventType.Purchase, errors);
        var pageUrl = ReadUrl(input.PageUrl, "pageUrl", errors);
        var purchase = type == ShopperEventType.Purchase ? ReadPurchase(input.Purchase, errors) : null;
        if (errors.Count > 0 || type is null)
        {
            return new TrackingOutcome(null, errors);
        }

        return new TrackingOutcome(
            new ShopperEvent
            {
                ShopperId = shopperId,
                Type = type.Value,
                OccurredAt = now,
                PageUrl = pageUrl,
                Products = products,
                PurchaseId = purchase?.Id,
                PurchaseCurrency = purchase?.Currency,
                PurchaseSubtotal = purchase?.Subtotal,
                PurchaseTotal = purchase?.Total,
                PurchaseTax = purchase?.Tax,
                PurchaseShipping = purchase?.Shipping,
            },
            errors);
    }

    /// <summary>An http(s) address a browser can open: absolute, with a host, no user name, no spaces or control characters.</summary>
    public static bool IsWebAddress(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.All(c => !char.IsWhiteSpace(c) && !char.IsControl(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)
            && Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && !string.IsNullOrEmpty(uri.Host)
            && string.IsNullOrEmpty(uri.UserInfo);
    }

    private static ShopperEventType? TypeOf(string? value, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors["type"] = ["Say what happened: detail, add, remove or purchase."];
            return null;
        }

        var type = value.Trim().ToLowerInvariant() switch
        {
            "detail" => ShopperEventType.Detail,
            "add" => ShopperEventType.Add,
            "remove" => ShopperEventType.Remove,
            "purchase" => ShopperEventType.Purchase,
            _ => (ShopperEventType?)null,
        };
        if (type is null)
        {
            errors["type"] = ["Use one of: detail, add, remove, purchase."];
        }

        return type;
    }

    private static List<ShopperEventProduct> ReadProducts(IReadOnlyList<TrackedProduct?>? input, bool required, Dictionary<string, string[]> errors)
    {
        if (input is null || input.Count == 0)
        {
            if (required)
            {
                errors["products"] = ["Send at least one product."];
            }

            return [];
        }

        if (input.Count > MaxProducts)
        {
            errors["products"] = [$"Send at most {MaxProducts} products in one event; this one has {input.Count}."];
            return [];
        }

        var products = new List<ShopperEventProduct>(input.Count);
        for (var i = 0; i < input.Count; i++)
        {
            if (ReadProduct(input[i], $"products[{i}]", errors) is { } product)
            {
                products.Add(product);
            }
        }

        return products;
    }

    private static ShopperEventProduct? ReadProduct(TrackedProduct? input, string path, Dictionary<string, string[]> errors)
    {
        if (input is null)
        {
            errors[path] = ["Send the product as an object with at least its id."];
            return null;
        }

        var before = errors.Count;
        var id = ReadLabel(input.Id, $"{path}.id", ShopperEventProduct.MaxIdLength, errors);
        if (id is null && !errors.ContainsKey($"{path}.id"))
        {
            errors[$"{path}.id"] = ["Send the product's id."];
        }

        var product = new ShopperEventProduct
        {
            Id = id ?? string.Empty,
            Name = ReadLabel(input.Name, $"{path}.name", ShopperEventProduct.MaxNameLength, errors),
            Price = ReadAmount(input.Price, $"{path}.price", errors),
            Currency = ReadCurrency(input.Currency, $"{path}.currency", errors),
            Quantity = ReadQuantity(input.Quantity, $"{path}.quantity", errors),
            Brand = ReadLabel(input.Brand, $"{path}.brand", ShopperEventProduct.MaxLabelLength, errors),
            Category = ReadLabel(input.Category, $"{path}.category", ShopperEventProduct.MaxLabelLength, errors),
            Variant = ReadLabel(input.Variant, $"{path}.variant", ShopperEventProduct.MaxLabelLength, errors),
            Url = ReadUrl(input.Url, $"{path}.url", errors),
            Image = ReadUrl(input.Image, $"{path}.image", errors),
        };
        return errors.Count == before ? product : null;
    }

    private static (string Id, string Currency, decimal Subtotal, decimal? Total, decimal? Tax, decimal? Shipping)? ReadPurchase(TrackedPurchase? input, Dictionary<string, string[]> errors)
    {
        if (input is null)
        {
            errors["purchase"] = ["Send the purchase with at least its id, currency and subtotal."];
            return null;
        }

        var id = ReadLabel(input.Id, "purchase.id", MaxPurchaseIdLength, errors);
        if (id is null && !errors.ContainsKey("purchase.id"))
        {
            errors["purchase.id"] = ["Send the order's id."];
        }

        var currency = ReadCurrency(input.Currency, "purchase.currency", errors);
        if (currency is null && !errors.ContainsKey("purchase.currency"))
        {
            errors["purchase.currency"] = ["Send the order's currency (ISO 4217, e.g. EUR)."];
        }

        var subtotal = ReadAmount(input.Subtotal, "purchase.subtotal", errors);
        if (subtotal is null && !errors.ContainsKey("purchase.subtotal"))
        {
            errors["purchase.subtotal"] = ["Send the order's subtotal."];
        }

        var total = ReadAmount(input.Total, "purchase.total", errors);
        var tax = ReadAmount(input.Tax, "purchase.tax", errors);
        var shipping = ReadAmount(input.Shipping, "purchase.shipping", errors);
        return id is null || currency is null || subtotal is null ? null : (id, currency, subtotal.Value, total, tax, shipping);
    }

    /// <summary>A cleaned text (control and invisible characters out, spaces collapsed), null when empty.</summary>
    private static string? ReadLabel(string? value, string path, int maxLength, Dictionary<string, string[]> errors)
    {
        var cleaned = DisplayName.Clean(value);
        if (cleaned.Length == 0)
        {
            return null;
        }

        if (cleaned.Length > maxLength)
        {
            errors[path] = [$"Use at most {maxLength} characters; this has {cleaned.Length}."];
            return null;
        }

        return cleaned;
    }

    private static decimal? ReadAmount(decimal? value, string path, Dictionary<string, string[]> errors)
    {
        if (value is { } amount && MoneyAmount.Problem(amount) is { } problem)
        {
            errors[path] = [problem];
            return null;
        }

        return value;
    }

    private static string? ReadCurrency(string? value, string path, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var code = value.Trim().ToUpperInvariant();
        if (!Currencies.IsKnown(code))
        {
            errors[path] = ["Use an ISO 4217 currency code of three letters, e.g. EUR or GBP."];
            return null;
        }

        return code;
    }

    private static int ReadQuantity(int? value, string path, Dictionary<string, string[]> errors)
    {
        if (value is < 1 or > ShopperEventProduct.MaxQuantity)
        {
            errors[path] = [$"Use a whole number from 1 to {ShopperEventProduct.MaxQuantity}."];
        }

        return value ?? 1;
    }

    private static string? ReadUrl(string? value, string path, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var url = value.Trim();
        if (url.Length > ShopperEventProduct.MaxUrlLength)
        {
            errors[path] = [$"Use an address of at most {ShopperEventProduct.MaxUrlLength} characters."];
            return null;
        }

        if (!IsWebAddress(url))
        {
            errors[path] = ["Use a full web address starting with https:// or http://."];
            return null;
        }

        return url;
    }
}
