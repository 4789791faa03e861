using System.Globalization;
using System.Text.RegularExpressions;
using VirtualShopping.Domain.Common;

namespace VirtualShopping.Domain.Products;

/// <summary>
/// Reads a feed's price: "12.99 EUR", "EUR 12.99", "12,99 EUR" (comma decimal), "1,299.00 USD", "1.299,00 EUR", or "12.99"
/// in the merchant's currency. With both separators the last one is the decimal point; a lone comma followed by exactly
/// three digits groups thousands ("1,299"), any other lone comma or dot is the decimal point. The currency must be a known
/// ISO 4217 code (<see cref="Currencies"/>), the amount not negative, with no more decimals than the currency has.
/// </summary>
public static partial class FeedPrice
{
    /// <summary>Prices stop below a billion.</summary>
    public const decimal MaxAmount = 999_999_999.9999m;

    private const int MaxQuotedLength = 40;

    /// <summary>ISO 4217 minor units where they are not 2.</summary>
    private static readonly Dictionary<string, int> MinorUnits = new(StringComparer.Ordinal)
    {
        ["BIF"] = 0, ["CLP"] = 0, ["DJF"] = 0, ["GNF"] = 0, ["ISK"] = 0, ["JPY"] = 0, ["KMF"] = 0, ["KRW"] = 0,
        ["PYG"] = 0, ["RWF"] = 0, ["UGX"] = 0, ["UYI"] = 0, ["VND"] = 0, ["VUV"] = 0, ["XAF"] = 0, ["XOF"] = 0, ["XPF"] = 0,
        ["BHD"] = 3, ["IQD"] = 3, ["JOD"] = 3, ["KWD"] = 3, ["LYD"] = 3, ["OMR"] = 3, ["TND"] = 3,
        ["CLF"] = 4, ["UYW"] = 4,
    };

    public static bool TryParse(string? text, string? defaultCurrency, out Money money, out string? error)
    {
        money = default;
        error = Check(text, defaultCurrency, ref money);
        return error is null;
    }

    /// <summary>Decimal places of a currency (2 unless ISO 4217 says otherwise).</summary>
    public static int DecimalsOf(string currency) => MinorUnits.GetValueOrDefault(currency, 2);

    /// <summary>A value as rejection reasons quote it: at most 40 characters.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return $"\"{(value.Length <= MaxQuotedLength ? value : string.Concat(value.AsSpan(0, MaxQuotedLength), "…"))}\"";
    }

    private static string? Check(string? text, string? defaultCurrency, ref Money money)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "missing price";
        }

        var trimmed = text.Trim();
        var match = PriceShape().Match(trimmed);
        if (!match.Success || (match.Groups["before"].Success && match.Groups["after"].Success))
        {
            return $"bad price {Quote(trimmed)}";
        }

        if (match.Groups["sign"].Success)
        {
            return $"negative price {Quote(trimmed)}";
        }

        var currency = (match.Groups["before"].Success ? match.Groups["before"].Value
            : match.Groups["after"].Success ? match.Groups["after"].Value
            : defaultCurrency?.Trim())?.ToUpperInvariant();
        if (string.IsNullOrEmpty(currency))
        {
            return "no currency";
        }

        if (!Currencies.IsKnown(currency))
        {
            return $"unknown currency {currency}";
        }

        if (ToInvariantNumber(match.Groups["number"].Value) is not { } number
            || !decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            || amount > MaxAmount)
        {
            return $"bad price {Quote(trimmed)}";
        }

        if (decimal.Round(amount, DecimalsOf(currency)) != amount)
        {
            return $"too many decimals for {currency} in {Quote(trimmed)}";
        }

        money = new Money(amount, currency);
        return null;
    }

    /// <summary>"1.299,00" → "1299.00"; null when the separators do not make a number.</summary>
    private static string? ToInvariantNumber(string number)
    {
        var lastDot = number.LastIndexOf('.');
        var lastComma = number.LastIndexOf(',');
        char? decimalSeparator;
        if (lastDot >= 0 && lastComma >= 0)
        {
            decimalSeparator = lastDot > lastComma ? '.' : ',';
        }
        else if (lastDot < 0 && lastComma < 0)
        {
            decimalSeparator = null;
        }
        else
        {
            var separator = lastDot >= 0 ? '.' : ',';
            var last = Math.Max(lastDot, lastComma);
            var single = number.IndexOf(separator, StringComparison.Ordinal) == last;
            var groupsThousands = !single || (separator == ',' && number.Length - last - 1 == 3);
            decimalSeparator = groupsThousands ? null : separator;
        }

        var split = decimalSeparator is { } d ? number.LastIndexOf(d) : number.Length;
        var whole = number[..split];
        var fraction = split < number.Length ? number[(split + 1)..] : "";
        if (decimalSeparator is not null && (fraction.Length == 0 || !fraction.All(char.IsAsciiDigit)))
        {
            return null;
        }

        var groups = whole.Split('.', ',');
        var grouped = groups.Length > 1;
        if (groups[0].Length == 0 || (grouped && groups[0].Length > 3) || groups.Skip(1).Any(g => g.Length != 3)
            || (grouped && whole.Contains('.', StringComparison.Ordinal) && whole.Contains(',', StringComparison.Ordinal)))
        {
            return null;
        }

        return fraction.Length == 0 ? string.Concat(groups) : $"{string.Concat(groups)}.{fraction}";
    }

    [GeneratedRegex(@"^(?:(?<before>[A-Za-z]{3})\s*)?(?<sign>-)?(?<number>[0-9][0-9.,]*)(?:\s*(?<after>[A-Za-z]{3}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex PriceShape();
}
