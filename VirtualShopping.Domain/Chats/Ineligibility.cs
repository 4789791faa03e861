namespace VirtualShopping.Domain.Chats;

/// <summary>Why an expert is not offered a chat; <see cref="None"/> when they are eligible.</summary>
public enum Ineligibility
{
    None = 0,
    Unavailable = 1,
    Disconnected = 2,
    AtChatLimit = 3,
    DepartmentNotServed = 4,
    StoreClosed = 5,
    AlreadyOffered = 6,
}
