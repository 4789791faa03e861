namespace VirtualShopping.Domain.Orders;

/// <summary>Where an order came from: the widget's track({type: 'purchase'}), the merchant's back end through the order API, or a Shopify webhook.</summary>
public enum OrderSource
{
    Widget = 0,
    Api = 1,
    Shopify = 2,
}
