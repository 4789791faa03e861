namespace VirtualShopping.Domain.Orders;

/// <summary>How an order was tied to the shopper who had the touch; shown beside every attributed order.</summary>
public enum AttributionMatch
{
    /// <summary>The order carried the share link's token (utm_content, or the landing page of a Shopify order).</summary>
    ShareToken = 0,

    /// <summary>The order came from the same widget session (shopper id) as the chat or click.</summary>
    Session = 1,

    /// <summary>The order came from the same browser (the share link's browser id) as the click.</summary>
    Browser = 2,

    /// <summary>The email on the order is the email the shopper gave in the chat.</summary>
    Email = 3,
}
