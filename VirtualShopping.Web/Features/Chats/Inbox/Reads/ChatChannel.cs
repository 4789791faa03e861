namespace VirtualShopping.Web.Features.Chats;

/// <summary>Where a conversation came from. Today every chat comes from the website widget; messaging apps come later.</summary>
public enum ChatChannel
{
    Website,
}
