namespace VirtualShopping.Domain.Merchants;

/// <summary>A store's postal address.</summary>
public sealed class Address
{
    public string Line1 { get; set; } = string.Empty;

    public string? Line2 { get; set; }

    public string City { get; set; } = string.Empty;

    public string PostalCode { get; set; } = string.Empty;

    /// <summary>ISO 3166-1 alpha-2 country code, e.g. GB, FI, FR.</summary>
    public string CountryCode { get; set; } = string.Empty;

    public override string ToString() =>
        string.Join(", ", new[] { Line1, Line2, PostalCode + " " + City, CountryCode }
            .Where(part => !string.IsNullOrWhiteSpace(part))
            .Select(part => part!.Trim()));
}
