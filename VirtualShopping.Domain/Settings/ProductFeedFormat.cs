namespace VirtualShopping.Domain.Settings;

public enum ProductFeedFormat
{
    /// <summary>Google Merchant Center style RSS/XML.</summary>
    Xml,
    Csv,
}
