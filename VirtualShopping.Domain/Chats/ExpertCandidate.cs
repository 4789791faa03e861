namespace VirtualShopping.Domain.Chats;

/// <summary>What routing needs to know about one expert when a wave goes out.</summary>
/// <param name="StaffMemberId">The expert.</param>
/// <param name="IsAvailable">They set themselves available in the Store App.</param>
/// <param name="IsConnected">Their Store App holds a live realtime connection.</param>
/// <param name="ActiveChats">Chats they are answering now.</param>
/// <param name="ServesDepartment">One of their active teams serves the chat's department.</param>
/// <param name="StoreOpen">One of those teams' stores is open now, in its own time zone.</param>
/// <param name="Languages">Languages they speak (ISO 639-1).</param>
/// <param name="Score">Their <see cref="ClaimScore"/>.</param>
/// <param name="AlreadyOffered">They were offered this chat before (and declined it or let it run out).</param>
public sealed record ExpertCandidate(
    Guid StaffMemberId,
    bool IsAvailable,
    bool IsConnected,
    int ActiveChats,
    bool ServesDepartment,
    bool StoreOpen,
    IReadOnlyCollection<string> Languages,
    double Score,
    bool AlreadyOffered = false);
