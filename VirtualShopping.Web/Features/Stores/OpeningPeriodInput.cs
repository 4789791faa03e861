namespace VirtualShopping.Web.Features.Stores;

/// <summary>One opening period in a store form: a day and its local opening and closing times.</summary>
public sealed class OpeningPeriodInput
{
    public DayOfWeek Day { get; set; }

    public TimeOnly Opens { get; set; }

    public TimeOnly Closes { get; set; }
}
