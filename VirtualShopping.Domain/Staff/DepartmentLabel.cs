namespace VirtualShopping.Domain.Staff;

/// <summary>What the needs selector calls a department in one language.</summary>
public sealed class DepartmentLabel
{
    public required string Language { get; set; }

    public required string Label { get; set; }
}
