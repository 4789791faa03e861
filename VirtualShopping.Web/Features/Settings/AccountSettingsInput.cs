using VirtualShopping.Domain.Orders;
using VirtualShopping.Domain.Settings;

namespace VirtualShopping.Web.Features.Settings;

/// <summary>The Account settings form.</summary>
public sealed class AccountSettingsInput
{
    public string Currency { get; set; } = string.Empty;

    public string TimeZoneId { get; set; } = string.Empty;

    public string? ProductFeedUrl { get; set; }

    public ProductFeedFormat ProductFeedFormat { get; set; }

    public ProductFeedSchedule ProductFeedSchedule { get; set; }

    public ContactChannels ContactChannels { get; set; }

    public OutOfHoursBehaviour OutOfHoursBehaviour { get; set; }

    public string OutOfHoursText { get; set; } = string.Empty;

    public string? LeftMessageSenderId { get; set; }

    public string? LeftMessageExpiredUrl { get; set; }

    /// <summary>How many days before an order a chat or link click can credit it (1–90); absent from a request: the default, 30.</summary>
    public int AttributionWindowDays { get; set; } = AttributionRule.DefaultWindowDays;

    public Guid? ConcurrencyStamp { get; set; }

    public static AccountSettingsInput From(AccountSettings settings, bool saved) => new()
    {
        Currency = settings.Currency,
        TimeZoneId = settings.TimeZoneId,
        ProductFeedUrl = settings.ProductFeedUrl,
        ProductFeedFormat = settings.ProductFeedFormat,
        ProductFeedSchedule = settings.ProductFeedSchedule,
        ContactChannels = settings.ContactChannels,
        OutOfHoursBehaviour = settings.OutOfHoursBehaviour,
        OutOfHoursText = settings.OutOfHoursText,
        LeftMessageSenderId = settings.LeftMessageSenderId,
        LeftMessageExpiredUrl = settings.LeftMessageExpiredUrl,
        AttributionWindowDays = settings.AttributionWindowDays,
        ConcurrencyStamp = saved ? settings.ConcurrencyStamp : null,
    };

    public void ApplyTo(AccountSettings settings)
    {
        settings.Currency = Currency;
        settings.TimeZoneId = TimeZoneId;
        settings.ProductFeedUrl = Blank(ProductFeedUrl);
        settings.ProductFeedFormat = ProductFeedFormat;
        settings.ProductFeedSchedule = ProductFeedSchedule;
        settings.ContactChannels = ContactChannels;
        settings.OutOfHoursBehaviour = OutOfHoursBehaviour;
        settings.OutOfHoursText = OutOfHoursText.Trim();
        settings.LeftMessageSenderId = Blank(LeftMessageSenderId);
        settings.LeftMessageExpiredUrl = Blank(LeftMessageExpiredUrl);
        settings.AttributionWindowDays = AttributionWindowDays;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
