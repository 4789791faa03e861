namespace VirtualShopping.Domain.Notifications;

public enum EmailDispatchStatus
{
    Pending = 0,
    Sent = 1,
    Failed = 2,
}
