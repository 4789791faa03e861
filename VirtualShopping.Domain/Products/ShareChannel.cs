namespace VirtualShopping.Domain.Products;

/// <summary>How an expert shared a product: its link's utm_medium says the same.</summary>
public enum ShareChannel
{
    /// <summary>A product card in a chat.</summary>
    Chat,

    /// <summary>A link the expert copied from the Store App to send their own way.</summary>
    Link,

    /// <summary>A text message sent through the merchant's SMS provider.</summary>
    Sms,

    /// <summary>An email sent through the merchant's SMTP server.</summary>
    Email,

    /// <summary>A QR code shown in store.</summary>
    Qr,
}
