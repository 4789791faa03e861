namespace VirtualShopping.Domain.Merchants;

/// <summary>
/// One opening period on a day of the week, in the store's local wall-clock time.
/// A closing time at or before the opening time means the store closes after midnight.
/// </summary>
public sealed class WeeklyOpeningHours
{
    public DayOfWeek Day { get; set; }

    public TimeOnly Opens { get; set; }

    public TimeOnly Closes { get; set; }

    public bool EndsNextDay => Closes <= Opens;
}
