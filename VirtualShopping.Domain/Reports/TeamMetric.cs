namespace VirtualShopping.Domain.Reports;

/// <summary>A time the team performance report states as median and p90, kept per whole second in <see cref="TeamSecondsCount"/>.</summary>
public enum TeamMetric
{
    /// <summary>From the chat (re)entering the queue (<c>Chat.QueuedAt</c>) to its claim.</summary>
    ClaimTime = 0,

    /// <summary>From the claim to the expert's first message to the shopper.</summary>
    FirstResponse = 1,

    /// <summary>From the claim to the chat's end.</summary>
    Duration = 2,
}
