using System.Globalization;

namespace VirtualShopping.Web.Features.Reports;

/// <summary>How the sales pages write figures: money with two decimals and its currency, shares as percentages, a dash for none.</summary>
public static class SalesFormat
{
    public const string None = "—";

    public static string Money(decimal? value, string currency) =>
        value is { } v ? v.ToString("N2", CultureInfo.CurrentCulture) + " " + currency : None;

    public static string Percent(decimal? value) => value is { } v ? v.ToString("P1", CultureInfo.CurrentCulture) : None;
}
