namespace VirtualShopping.Web.Features.Chats;

/// <summary>The inbox's views (seed 003: Nouvelles, En cours / Mes conversations, Priorité, Fermées).</summary>
public enum InboxFolder
{
    /// <summary>Offers counting down for me (routing offers and transfer requests).</summary>
    New,

    /// <summary>Chats I hold, in progress.</summary>
    Mine,

    /// <summary>Waiting chats nobody has claimed yet (managers and support; experts see the ones offered to them in New).</summary>
    Waiting,

    /// <summary>Waiting or active chats flagged priority that I may see.</summary>
    Priority,

    /// <summary>Ended and missed chats I may see; archived ones only with <see cref="InboxFilter.IncludeArchived"/>.</summary>
    Closed,

    /// <summary>Every active chat I may see (managers and support: the whole floor).</summary>
    InProgress,
}
