namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// One teammate on the live team panel and in the reassign picker: available or not, connected (Store App or
/// inbox) or offline, how many chats they hold of how many they may, and their stores and teams.
/// </summary>
public sealed record TeamMemberStatus(
    Guid StaffMemberId,
    string Name,
    bool IsExpert,
    bool Available,
    bool Connected,
    int ActiveChats,
    int Capacity,
    IReadOnlyList<string> Stores,
    IReadOnlyList<string> Teams);
