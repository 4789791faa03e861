using VirtualShopping.Domain.Chats;

namespace VirtualShopping.Web.Features.LeftMessages;

/// <summary>An answer to a left message, by email or SMS.</summary>
public sealed class ReplyInput
{
    public ReplyChannel Channel { get; set; } = ReplyChannel.Email;

    public string Text { get; set; } = string.Empty;
}
