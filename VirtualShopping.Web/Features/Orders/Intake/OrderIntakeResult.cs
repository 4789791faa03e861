using VirtualShopping.Domain.Orders;

namespace VirtualShopping.Web.Features.Orders;

/// <summary>The outcome of an intake call, with the order as it is now stored (none when invalid or unknown).</summary>
public sealed record OrderIntakeResult(OrderIntakeOutcome Outcome, Order? Order, IReadOnlyDictionary<string, string[]> Errors)
{
    private static readonly Dictionary<string, string[]> NoErrors = [];

    public static OrderIntakeResult Stored(Order order) => new(OrderIntakeOutcome.Stored, order, NoErrors);

    public static OrderIntakeResult AlreadyStored(Order order) => new(OrderIntakeOutcome.AlreadyStored, order, NoErrors);

    public static OrderIntakeResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new(OrderIntakeOutcome.Invalid, null, errors);

    public static OrderIntakeResult UnknownOrder { get; } = new(OrderIntakeOutcome.UnknownOrder, null, NoErrors);
}
