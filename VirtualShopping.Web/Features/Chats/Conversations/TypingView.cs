using VirtualShopping.Domain.Chats;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>The `typing` push: who is typing in which chat (show it for about 5 seconds).</summary>
public sealed record TypingView(Guid ChatId, MessageSender Sender);
