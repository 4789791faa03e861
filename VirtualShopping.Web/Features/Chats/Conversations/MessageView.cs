using VirtualShopping.Domain.Chats;
using VirtualShopping.Web.Features.Products;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// A stored message; <see cref="Sequence"/> is what a reconnecting client passes back as "after". Numbers
/// rise without repeats but a side may not see every number (cart events go to the expert only), so a
/// client keeps the highest number it has seen rather than expecting no gaps.
/// </summary>
public sealed record MessageView(Guid ChatId, int Sequence, MessageSender Sender, string? AuthorName, string Text, DateTimeOffset SentAt, string? ClientMessageId, MessageKind Kind = MessageKind.Text, AttachmentView? Attachment = null, CartView? Cart = null, DiscountView? Discount = null, ProductCardView? Product = null)
{
    /// <summary>The view of a message; an attachment message also needs its <see cref="ChatAttachment"/>.</summary>
    public static MessageView Of(ChatMessage message, ChatAttachment? attachment = null) =>
        new(message.ChatId, message.Sequence, message.Sender, message.AuthorName, message.Text, message.SentAt, message.ClientMessageId, message.Kind,
            attachment is null ? null : AttachmentView.Of(attachment),
            message.Kind == MessageKind.Cart ? CartView.Read(message.Data) : null,
            message.Kind == MessageKind.Discount ? DiscountView.Read(message.Data) : null,
            message.Kind == MessageKind.Product ? ProductCardView.Read(message.Data) : null);
}
