namespace VirtualShopping.Domain.Chats;

/// <summary>What a chat attachment is, which decides its size limit and how clients show it.</summary>
public enum AttachmentKind
{
    Image = 0,
    Video = 1,
}
