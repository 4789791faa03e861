namespace VirtualShopping.Domain.Common;

/// <summary>An amount a site or back end may send (prices, order totals, refunds): a decimal, never a float.</summary>
public static class MoneyAmount
{
    /// <summary>Amounts stop below a billion and have at most four decimals.</summary>
    public const decimal Max = 999_999_999.9999m;

    /// <summary>What is wrong with an amount (negative, a billion or more, more than four decimals), or null when it is fine.</summary>
    public static string? Problem(decimal value) =>
        value < 0 ? "Use an amount of 0 or more."
        : value > Max ? "Use an amount below 1000000000."
        : decimal.Truncate(value * 10_000m) != value * 10_000m ? "Use at most 4 decimals."
        : null;
}
