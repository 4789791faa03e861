namespace VirtualShopping.Domain.Settings;

public enum ProductFeedSchedule
{
    Hourly,
    Daily,
    Weekly,
    Manual,
}
