namespace VirtualShopping.Domain.Merchants;

/// <summary>
/// A date whose hours differ from the weekly pattern (a holiday, a late opening):
/// either closed all day, or open between <see cref="Opens"/> and <see cref="Closes"/>.
/// </summary>
public sealed class SpecialOpeningHours
{
    public DateOnly Date { get; set; }

    public bool IsClosed { get; set; }

    public TimeOnly? Opens { get; set; }

    public TimeOnly? Closes { get; set; }

    public string? Note { get; set; }
}
