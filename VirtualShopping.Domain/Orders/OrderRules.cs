using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Common;

namespace VirtualShopping.Domain.Orders;

/// <summary>
/// What an order, refund or cancellation must be before it is stored (PRODUCT.md: id, currency and subtotal required).
/// Every problem names its field; the shopper's email is never repeated in a message.
/// </summary>
public static class OrderRules
{
    /// <summary>How far ahead of this server's clock a sender's time may be (clock skew), no more.</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    public const int MaxEmailLength = 254;
    public const int MaxBrowserIdLength = Order.MaxBrowserIdLength;

    /// <summary>Checks an order and turns it into a new, unattributed <see cref="Order"/> from <paramref name="source"/> received at <paramref name="now"/>.</summary>
    public static OrderReading Read(OrderSubmission? input, OrderSource source, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (input is null)
        {
            errors["body"] = ["Send the order as a JSON object with at least its id, currency and subtotal."];
            return new OrderReading(null, errors);
        }

        var id = ReadId(input.Id, "id", Order.MaxExternalIdLength, "Send the order's id.", errors);
        var currency = ReadCurrency(input.Currency, errors);
        var subtotal = ReadAmount(input.Subtotal, "subtotal", errors);
        if (input.Subtotal is null)
        {
            errors["subtotal"] = ["Send the order's subtotal (before tax and shipping), e.g. 59.90."];
        }

        var total = ReadAmount(input.Total, "total", errors);
        var tax = ReadAmount(input.Tax, "tax", errors);
        var shipping = ReadAmount(input.Shipping, "shipping", errors);
        var placedAt = ReadTime(input.PlacedAt, "placedAt", now, errors);
        if (input.ShopperId == Guid.Empty)
        {
            errors["shopperId"] = ["Use the shopper id the widget gives, or leave it out."];
        }

        var browserId = ReadBrowserId(input.BrowserId, errors);
        var emailHash = ReadEmail(input.Email, errors);
        var shareToken = ReadShareToken(input.ShareToken, errors);
        if (errors.Count > 0)
        {
            return new OrderReading(null, errors);
        }

        return new OrderReading(
            new Order
            {
                ExternalId = id!,
                Source = source,
                Currency = currency!,
                Subtotal = subtotal!.Value,
                Total = total,
                Tax = tax,
                Shipping = shipping,
                PlacedAt = placedAt,
                ReceivedAt = now,
                ShopperId = input.ShopperId,
                BrowserId = browserId,
                CustomerEmailHash = emailHash,
                ShareToken = shareToken,
            },
            errors);
    }

    /// <summary>Checks a refund's shape (id, an amount above 0, its time); whether the order has that much left is <see cref="RefundProblem"/>.</summary>
    public static RefundReading ReadRefund(RefundSubmission? input, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (input is null)
        {
            errors["body"] = ["Send the refund as a JSON object with its id and amount."];
            return new RefundReading(null, 0m, now, errors);
        }

        var id = ReadId(input.Id, "id", OrderAdjustment.MaxExternalIdLength, "Send the refund's id.", errors);
        var amount = ReadAmount(input.Amount, "amount", errors);
        if (input.Amount is null)
        {
            errors["amount"] = ["Send the refunded amount, e.g. 19.95."];
        }
        else if (amount == 0m)
        {
            errors["amount"] = ["Send a refund of more than 0."];
        }

        var at = ReadTime(input.RefundedAt, "refundedAt", now, errors);
        return new RefundReading(id, amount ?? 0m, at, errors);
    }

    /// <summary>What is left to refund of an order's subtotal (refunds take off revenue, which is the subtotal).</summary>
    public static decimal RefundableLeft(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return Math.Max(0m, order.Subtotal - order.RefundedAmount);
    }

    /// <summary>Why a refund of <paramref name="amount"/> cannot be taken off this order (more than is left of its subtotal), or null.</summary>
    public static string? RefundProblem(Order order, decimal amount)
    {
        var left = RefundableLeft(order);
        return amount > left
            ? $"Refunds of this order can take off at most {left.ToString("0.00##", System.Globalization.CultureInfo.InvariantCulture)} {order.Currency} more (the subtotal less earlier refunds)."
            : null;
    }

    /// <summary>A cancellation's time: when given, not ahead of now (beyond clock skew); otherwise now.</summary>
    public static (DateTimeOffset At, IReadOnlyDictionary<string, string[]> Errors) ReadCancellation(CancellationSubmission? input, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var at = ReadTime(input?.CancelledAt, "cancelledAt", now, errors);
        return (at, errors);
    }

    private static string? ReadId(string? value, string field, int maxLength, string missing, Dictionary<string, string[]> errors)
    {
        var id = value?.Trim();
        if (string.IsNullOrEmpty(id))
        {
            errors[field] = [missing];
            return null;
        }

        if (id.Length > maxLength)
        {
            errors[field] = [$"Use at most {maxLength} characters; this has {id.Length}."];
            return null;
        }

        if (id.Any(char.IsControl))
        {
            errors[field] = ["Use printable characters only."];
            return null;
        }

        return id;
    }

    private static string? ReadCurrency(string? value, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors["currency"] = ["Send the order's currency (ISO 4217, e.g. EUR)."];
            return null;
        }

        var code = value.Trim().ToUpperInvariant();
        if (!Currencies.IsKnown(code))
        {
            errors["currency"] = ["Use an ISO 4217 currency code of three letters, e.g. EUR or GBP."];
            return null;
        }

        return code;
    }

    private static decimal? ReadAmount(decimal? value, string field, Dictionary<string, string[]> errors)
    {
        if (value is { } amount && MoneyAmount.Problem(amount) is { } problem)
        {
            errors[field] = [problem];
            return null;
        }

        return value;
    }

    private static DateTimeOffset ReadTime(DateTimeOffset? value, string field, DateTimeOffset now, Dictionary<string, string[]> errors)
    {
        if (value is not { } at)
        {
            return now;
        }

        if (at > now + FutureTolerance)
        {
            errors[field] = ["Use a time that has passed (at most 5 minutes ahead of ours), with its offset, e.g. 2026-11-23T10:15:00Z."];
        }

        return at.ToUniversalTime();
    }

    private static string? ReadBrowserId(string? value, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var id = value.Trim();
        if (id.Length > MaxBrowserIdLength || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            errors["browserId"] = ["Use the vs_browser cookie's value as it is (letters and digits), or leave it out."];
            return null;
        }

        return id;
    }

    private static string? ReadEmail(string? value, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var email = value.Trim();
        if (email.Length > MaxEmailLength)
        {
            errors["email"] = [$"Use an email address of at most {MaxEmailLength} characters."];
            return null;
        }

        if (!LeftMessage.IsEmail(email))
        {
            errors["email"] = ["Use an email address like name@example.com, or leave it out."];
            return null;
        }

        return ShopperEmailHash.Of(email);
    }

    private static string? ReadShareToken(string? value, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var token = value.Trim();
        if (!Products.ShareToken.IsWellFormed(token))
        {
            errors["shareToken"] = [$"Use the share link's token as it came (utm_content: {Products.ShareToken.Length} letters and digits), or leave it out."];
            return null;
        }

        return token;
    }
}
