namespace VirtualShopping.Domain.Orders;

/// <summary>What the shopper did with an expert that can credit a later order.</summary>
public enum AttributionTouchKind
{
    /// <summary>A chat the expert took part in (claimed, or joined by transfer).</summary>
    Chat = 0,

    /// <summary>A click on a product link the expert shared.</summary>
    ShareClick = 1,
}
