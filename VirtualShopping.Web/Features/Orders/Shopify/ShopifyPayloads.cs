using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Orders;
using VirtualShopping.Domain.Products;

namespace VirtualShopping.Web.Features.Orders;

/// <summary>
/// Reads Shopify's webhook bodies (REST Admin API order and refund resources) into the intake's submissions.
/// Amounts arrive as strings ("199.65") and are parsed as decimals, never floats. The share token comes from
/// utm_content in the order's landing_site; note_attributes vs_shopper and vs_browser (set by the merchant's theme
/// from the widget) carry the session and browser. Optional values that do not fit are left out rather than refusing
/// the order; missing or malformed required ones are refused with Shopify's field names.
/// </summary>
public static class ShopifyPayloads
{
    /// <summary>The order of an orders/create body; <paramref name="errors"/> names Shopify's fields.</summary>
    public static OrderSubmission? Order(JsonElement order, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (order.ValueKind != JsonValueKind.Object)
        {
            errors["body"] = ["Expected a Shopify order object."];
            return null;
        }

        var attributes = NoteAttributes(order);
        var email = Text(order, "email") ?? Text(order, "contact_email");
        var token = UtmContent(Text(order, "landing_site"));
        return new OrderSubmission
        {
            Id = Id(order, "id"),
            Currency = Text(order, "currency"),
            Subtotal = Amount(order, "subtotal_price", errors),
            Total = Amount(order, "total_price", errors),
            Tax = Amount(order, "total_tax", errors),
            Shipping = ShopMoney(order, "total_shipping_price_set", errors),
            PlacedAt = Time(order, "created_at", errors),
            Email = email is not null && LeftMessage.IsEmail(email.Trim()) ? email.Trim() : null,
            ShareToken = ShareToken.IsWellFormed(token) ? token : null,
            ShopperId = Guid.TryParse(attributes.GetValueOrDefault("vs_shopper"), out var shopper) && shopper != Guid.Empty ? shopper : null,
            BrowserId = attributes.GetValueOrDefault("vs_browser") is { Length: > 0 and <= Domain.Orders.Order.MaxBrowserIdLength } browser
                && browser.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? browser : null,
        };
    }

    /// <summary>The order id, refund id, summed successful refund transactions and time of a refunds/create body.</summary>
    public static (string? OrderId, RefundSubmission Refund) Refund(JsonElement refund, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (refund.ValueKind != JsonValueKind.Object)
        {
            errors["body"] = ["Expected a Shopify refund object."];
            return (null, new RefundSubmission());
        }

        decimal amount = 0m;
        if (refund.TryGetProperty("transactions", out var transactions) && transactions.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var transaction in transactions.EnumerateArray())
            {
                if (Text(transaction, "kind") == "refund" && Text(transaction, "status") == "success"
                    && Amount(transaction, "amount", errors, $"transactions[{index}].amount") is { } value)
                {
                    amount += value;
                }

                index++;
            }
        }

        var orderId = Id(refund, "order_id");
        if (orderId is null)
        {
            errors["order_id"] = ["Expected the refunded order's id."];
        }

        return (orderId, new RefundSubmission { Id = Id(refund, "id"), Amount = amount, RefundedAt = Time(refund, "created_at", errors) });
    }

    /// <summary>The order id and cancellation time of an orders/cancelled body.</summary>
    public static (string? OrderId, CancellationSubmission Cancellation) Cancellation(JsonElement order, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var id = order.ValueKind == JsonValueKind.Object ? Id(order, "id") : null;
        if (id is null)
        {
            errors["id"] = ["Expected the cancelled order's id."];
        }

        return (id, new CancellationSubmission { CancelledAt = order.ValueKind == JsonValueKind.Object ? Time(order, "cancelled_at", errors) : null });
    }

    /// <summary>Shopify's names for the intake's fields, so a refusal names what Shopify sent.</summary>
    public static string FieldName(string field) => field switch
    {
        "subtotal" => "subtotal_price",
        "total" => "total_price",
        "tax" => "total_tax",
        "shipping" => "total_shipping_price_set",
        "placedAt" => "created_at",
        "refundedAt" => "created_at",
        "cancelledAt" => "cancelled_at",
        "amount" => "transactions",
        _ => field,
    };

    private static string? Id(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.String => value.GetString(),
                _ => null,
            }
            : null;

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static decimal? Amount(JsonElement element, string name, Dictionary<string, string[]> errors, string? field = null)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : value.ValueKind == JsonValueKind.Number ? value.GetRawText() : null;
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount))
        {
            return amount;
        }

        errors[field ?? name] = ["Expected an amount such as \"199.65\"."];
        return null;
    }

    private static decimal? ShopMoney(JsonElement order, string name, Dictionary<string, string[]> errors) =>
        order.TryGetProperty(name, out var set) && set.ValueKind == JsonValueKind.Object
        && set.TryGetProperty("shop_money", out var money) && money.ValueKind == JsonValueKind.Object
            ? Amount(money, "amount", errors, name)
            : null;

    private static DateTimeOffset? Time(JsonElement element, string name, Dictionary<string, string[]> errors)
    {
        if (Text(element, name) is not { } text)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at))
        {
            return at;
        }

        errors[name] = ["Expected a time such as 2026-11-23T10:15:00-05:00."];
        return null;
    }

    private static Dictionary<string, string> NoteAttributes(JsonElement order)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (order.TryGetProperty("note_attributes", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                if (Text(item, "name") is { } name && Text(item, "value") is { } value)
                {
                    attributes.TryAdd(name, value.Trim());
                }
            }
        }

        return attributes;
    }

    private static string? UtmContent(string? landingSite)
    {
        if (string.IsNullOrWhiteSpace(landingSite))
        {
            return null;
        }

        var question = landingSite.IndexOf('?', StringComparison.Ordinal);
        if (question < 0)
        {
            return null;
        }

        var query = QueryHelpers.ParseQuery(landingSite[question..].Split('#')[0]);
        return query.TryGetValue("utm_content", out var values) ? values.ToString().Trim() : null;
    }
}
