using VirtualShopping.Domain.Common;

namespace VirtualShopping.Domain.Chats;

/// <summary>A chat offered to one expert in one wave, with its own countdown.</summary>
public sealed class ChatOffer : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid MerchantId { get; set; }

    public Guid ChatId { get; set; }

    public Guid StaffMemberId { get; set; }

    /// <summary>0 for the first wave.</summary>
    public int Wave { get; set; }

    public DateTimeOffset OfferedAt { get; set; }

    /// <summary>When the countdown on the expert's phone reaches zero.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    public OfferStatus Status { get; set; } = OfferStatus.Pending;

    public DateTimeOffset? RespondedAt { get; set; }

    /// <summary>Whether this expert has chatted with this shopper before.</summary>
    public bool SpokenBefore { get; set; }

    /// <summary>A routing wave's offer, or a teammate's request to take over the chat.</summary>
    public OfferKind Kind { get; set; } = OfferKind.Routing;

    /// <summary>For a transfer: who asked this expert to take the chat over.</summary>
    public Guid? RequestedById { get; set; }

    /// <summary>For a transfer: the requester's name, as the receiving expert sees it.</summary>
    public string? RequestedByName { get; set; }
}
