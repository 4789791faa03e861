using VirtualShopping.Domain.Common;

namespace VirtualShopping.Domain.Chats;

/// <summary>
/// A live realtime connection from an expert's Store App. Kept in the database so every app instance
/// knows who is connected; the instance holding it renews <see cref="LastSeenAt"/>, so a connection
/// of an instance that died ages out by itself.
/// </summary>
public sealed class ExpertConnection : ITenantOwned
{
    public required string ConnectionId { get; set; }

    public Guid MerchantId { get; set; }

    public Guid StaffMemberId { get; set; }

    public DateTimeOffset ConnectedAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }
}
