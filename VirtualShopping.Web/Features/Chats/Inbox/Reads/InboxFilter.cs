using VirtualShopping.Domain.Chats;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// What the inbox list shows: a view, narrowed by status, channel, department, assignee and store, and a search
/// over the shopper's name and the messages' text. Sorted by waiting time (longest first) unless
/// <see cref="NewestFirst"/>.
/// </summary>
public sealed record InboxFilter(
    InboxFolder Folder,
    ChatStatus? Status = null,
    ChatChannel? Channel = null,
    Guid? DepartmentId = null,
    Guid? AssigneeId = null,
    Guid? StoreId = null,
    string? Search = null,
    bool IncludeArchived = false,
    bool NewestFirst = false,
    int Offset = 0,
    int Take = 50)
{
    public const int MaxSearchLength = 100;

    public const int MaxTake = 200;
}
