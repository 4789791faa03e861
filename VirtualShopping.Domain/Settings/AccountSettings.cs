using VirtualShopping.Domain.Audit;
using VirtualShopping.Domain.Common;
using VirtualShopping.Domain.Merchants;

namespace VirtualShopping.Domain.Settings;

/// <summary>The merchant's account settings: currency, time zone, product feed, contact channels, out-of-hours and left messages.</summary>
public sealed class AccountSettings : ITenantOwned, IConcurrencyStamped, IAudited
{
    public const int MaxOutOfHoursTextLength = 500;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid MerchantId { get; set; }

    /// <summary>ISO 4217 code, e.g. GBP.</summary>
    public string Currency { get; set; } = "GBP";

    /// <summary>IANA time zone for reports, digests and the dashboard.</summary>
    public string TimeZoneId { get; set; } = "Europe/London";

    public string? ProductFeedUrl { get; set; }

    public ProductFeedFormat ProductFeedFormat { get; set; } = ProductFeedFormat.Xml;

    public ProductFeedSchedule ProductFeedSchedule { get; set; } = ProductFeedSchedule.Daily;

    public ContactChannels ContactChannels { get; set; } = ContactChannels.Email;

    public OutOfHoursBehaviour OutOfHoursBehaviour { get; set; } = OutOfHoursBehaviour.LeaveMessage;

    public string OutOfHoursText { get; set; } = "Our stores are closed right now. Leave a message and an expert will get back to you when we open.";

    /// <summary>Sender of Left Message SMS replies (see <see cref="SenderId"/>).</summary>
    public string? LeftMessageSenderId { get; set; }

    /// <summary>Where a shopper lands when their left-message link has expired.</summary>
    public string? LeftMessageExpiredUrl { get; set; }

    /// <summary>How many days before an order a touch can credit it (1–90, see <c>AttributionRule</c>).</summary>
    public int AttributionWindowDays { get; set; } = Orders.AttributionRule.DefaultWindowDays;

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public string AuditLabel => "Account settings";
}
