namespace VirtualShopping.Domain.Chats;

/// <summary>Limits on the satisfaction survey at the end of a chat.</summary>
public static class ChatRating
{
    public const int MaxCommentLength = 1000;
}
