namespace VirtualShopping.Web.Features.Orders;

/// <summary>What became of an order, refund or cancellation sent in.</summary>
public enum OrderIntakeOutcome
{
    /// <summary>Stored now (201 for a new order or refund).</summary>
    Stored,

    /// <summary>Already stored by an earlier delivery: nothing changed (200).</summary>
    AlreadyStored,

    /// <summary>Refused: the errors name the fields (400), nothing stored.</summary>
    Invalid,

    /// <summary>No order of this merchant has that id (404).</summary>
    UnknownOrder,
}
