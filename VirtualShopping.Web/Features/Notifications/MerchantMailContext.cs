namespace VirtualShopping.Web.Features.Notifications;

/// <summary>What every email of one merchant needs: its name, time zone (from Account settings) and currency.</summary>
public sealed record MerchantMailContext(Guid MerchantId, string Name, TimeZoneInfo TimeZone, string Currency);
