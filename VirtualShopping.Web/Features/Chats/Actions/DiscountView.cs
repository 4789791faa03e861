using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using VirtualShopping.Domain.Products;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// The <c>discount</c> of a <c>kind: 'Discount'</c> message, for both sides: the code, what it gives, the link that
/// applies it to the shopper's cart (https, when the merchant set a pattern) and its last day. Stored as the message's Data.
/// </summary>
public sealed record DiscountView(
    string Code,
    string Description,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ApplyUrl,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? ValidUntil)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static DiscountView Of(DiscountCode code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return new(code.Code, code.Description, code.ApplyUrlFor(code.Code), code.ValidUntil);
    }

    /// <summary>The view stored in a message's Data, or null when there is none.</summary>
    public static DiscountView? Read(string? data) => string.IsNullOrEmpty(data) ? null : JsonSerializer.Deserialize<DiscountView>(data, Json);

    public string ToData() => JsonSerializer.Serialize(this, Json);

    /// <summary>The message's plain text, for transcripts, emails and clients that do not know the kind.</summary>
    public string ToText() => ValidUntil is { } last
        ? $"Discount code {Code}: {Description} (valid until {FormatDay(last)})"
        : $"Discount code {Code}: {Description}";

    /// <summary>A last day as people read it, e.g. "31 Dec 2026".</summary>
    public static string FormatDay(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
