namespace VirtualShopping.Web.Features.Chats;

/// <summary>Why a chat action was refused, for the edge to turn into the right status code.</summary>
public enum ChatProblemKind
{
    None = 0,

    /// <summary>No such chat or offer for this caller (404).</summary>
    NotFound = 1,

    /// <summary>The input is invalid (400 with field messages).</summary>
    Invalid = 2,

    /// <summary>The chat is not in a state that allows it (409).</summary>
    Conflict = 3,

    /// <summary>The merchant's settings do not allow it (403).</summary>
    Forbidden = 4,
}
