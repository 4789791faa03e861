namespace VirtualShopping.Domain.Settings;

/// <summary>The channels shoppers may pick to stay in touch with an expert (Contacts).</summary>
[Flags]
public enum ContactChannels
{
    None = 0,
    Email = 1,
    Sms = 2,
    WhatsApp = 4,
}
