namespace VirtualShopping.Domain.Chats;

/// <summary>Why a chat is offered to an expert.</summary>
public enum OfferKind
{
    /// <summary>A routing wave offers a waiting chat.</summary>
    Routing = 0,

    /// <summary>A teammate asks this expert to take over the chat (reassign); the expert accepts or declines.</summary>
    Transfer = 1,
}
