namespace VirtualShopping.Domain.Shoppers;

/// <summary>What a shopper did on the merchant's site, as the site reports it through the widget's track() call.</summary>
public enum ShopperEventType
{
    /// <summary>Looked at a product's page.</summary>
    Detail = 0,

    /// <summary>Put products into the cart.</summary>
    Add = 1,

    /// <summary>Took products out of the cart.</summary>
    Remove = 2,

    /// <summary>Bought: the order the attribution work credits to the expert and store.</summary>
    Purchase = 3,
}
