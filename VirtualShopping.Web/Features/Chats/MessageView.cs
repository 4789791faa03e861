using VirtualShopping.Domain.Chats;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>A stored message; <see cref="Sequence"/> is what a reconnecting client passes back as "after".</summary>
public sealed record MessageView(Guid ChatId, int Sequence, MessageSender Sender, string? AuthorName, string Text, DateTimeOffset SentAt, string? ClientMessageId)
{
    public static MessageView Of(ChatMessage message) =>
        new(message.ChatId, message.Sequence, message.Sender, message.AuthorName, message.Text, message.SentAt, message.ClientMessageId);
}
