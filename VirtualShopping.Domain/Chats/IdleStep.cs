namespace VirtualShopping.Domain.Chats;

/// <summary>What the idle timeout asks for an active chat.</summary>
public enum IdleStep
{
    None = 0,
    Warn = 1,
    End = 2,
}
