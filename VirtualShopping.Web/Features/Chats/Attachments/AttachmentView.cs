using VirtualShopping.Domain.Chats;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>The image or video of an attachment message; clients fetch it from .../chats/{chatId}/attachments/{id} with their bearer token.</summary>
public sealed record AttachmentView(Guid Id, string ContentType, long Length, string? FileName)
{
    public static AttachmentView Of(ChatAttachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        return new(attachment.Id, attachment.ContentType, attachment.Length, attachment.FileName);
    }
}
