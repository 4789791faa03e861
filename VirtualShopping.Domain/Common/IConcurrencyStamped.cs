namespace VirtualShopping.Domain.Common;

/// <summary>
/// An entity people edit at the same time. The stamp changes on every save, and a save made
/// from a stale copy is refused instead of silently overwriting the other person's change.
/// </summary>
public interface IConcurrencyStamped
{
    Guid ConcurrencyStamp { get; set; }
}
