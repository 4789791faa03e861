using VirtualShopping.Domain.Chats;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>How far one side has read a chat: the `read` push and the answer to marking read.</summary>
public sealed record ReadView(Guid ChatId, MessageSender Reader, int Sequence);
