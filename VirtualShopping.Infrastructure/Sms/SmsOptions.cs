namespace VirtualShopping.Infrastructure.Sms;

/// <summary>
/// The SMS provider (Twilio's Programmable Messaging REST API). Unset means SMS is not configured:
/// answers by SMS are refused with a clear message instead of being queued.
/// </summary>
public sealed class SmsOptions
{
    public const string Section = "Sms";

    /// <summary>Twilio's API root; tests point it at a local listener.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.twilio.com/");

    public string? AccountSid { get; set; }

    public string? AuthToken { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(AccountSid) && !string.IsNullOrWhiteSpace(AuthToken);
}
