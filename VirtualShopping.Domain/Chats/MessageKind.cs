namespace VirtualShopping.Domain.Chats;

/// <summary>
/// What a message carries. Every kind also has plain <see cref="ChatMessage.Text"/> that reads well on its
/// own (transcripts, clients that do not know the kind yet): a file's name, or a cart event's summary.
/// </summary>
public enum MessageKind
{
    /// <summary>Text and emoji typed by a person, or a system line.</summary>
    Text = 0,

    /// <summary>An image or a video (<see cref="ChatMessage.AttachmentId"/>), with the text as its caption or file name.</summary>
    Attachment = 1,

    /// <summary>A cart event from the shopper's site (product added or removed, subtotal): <see cref="ChatMessage.Data"/> holds it as JSON. Shown to the expert only.</summary>
    Cart = 2,

    /// <summary>
    /// An internal note between staff: never sent to the shopper (not over the hub, not in transcripts, not in the
    /// shopper API). <see cref="ChatMessage.Data"/> holds the mentioned teammates' ids as JSON.
    /// </summary>
    Note = 3,

    /// <summary>
    /// A discount code the expert sent from the merchant's list: <see cref="ChatMessage.Data"/> holds it as JSON
    /// (code, description, and the apply link and last day when there are), the text a plain line such as
    /// "Discount code SAVE10: 10% off (valid until 31 Dec 2026)".
    /// </summary>
    Discount = 4,

    /// <summary>
    /// A product card the expert sent from the catalog: <see cref="ChatMessage.Data"/> holds the product as it was at that
    /// moment (title, variant, price and sale price, availability, https image) and its share link, the text a plain
    /// line such as "Trail Runner 2 (Grey, 41.5): £89.00, in stock https://…/p/…".
    /// </summary>
    Product = 5,
}
