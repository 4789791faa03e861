namespace VirtualShopping.Domain.Settings;

/// <summary>What the chat does when no store is open.</summary>
public enum OutOfHoursBehaviour
{
    /// <summary>Show the out-of-hours text and the leave-a-message form.</summary>
    LeaveMessage,

    /// <summary>Hide the chat launcher entirely.</summary>
    HideChat,
}
