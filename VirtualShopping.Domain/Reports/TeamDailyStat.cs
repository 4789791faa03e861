using VirtualShopping.Domain.Common;

namespace VirtualShopping.Domain.Reports;

/// <summary>
/// The team performance rollup: counts per merchant, local day (merchant time zone) of the chat's start, expert, store
/// and department. <see cref="Guid.Empty"/> stands for "none" in a dimension (a missed chat has no expert; available time
/// no department). Rebuilt per day from the raw chats, offers, ratings, orders and availability periods.
/// </summary>
public sealed class TeamDailyStat : ITenantOwned
{
    public Guid MerchantId { get; set; }

    public DateOnly Day { get; set; }

    public Guid StaffMemberId { get; set; }

    public Guid StoreId { get; set; }

    public Guid DepartmentId { get; set; }

    /// <summary>Distinct chats offered to the expert (routing offers).</summary>
    public int Offered { get; set; }

    /// <summary>Distinct chats the expert claimed from an offer.</summary>
    public int Claimed { get; set; }

    /// <summary>The expert's offers that ran out unanswered.</summary>
    public int MissedOffers { get; set; }

    public int Declined { get; set; }

    /// <summary>Chats nobody claimed within the claim period (no expert).</summary>
    public int MissedChats { get; set; }

    public int Rating1 { get; set; }

    public int Rating2 { get; set; }

    public int Rating3 { get; set; }

    public int Rating4 { get; set; }

    public int Rating5 { get; set; }

    public long AvailableSeconds { get; set; }

    /// <summary>Orders attributed to the expert, on the local day they were placed.</summary>
    public int AttributedOrders { get; set; }

    /// <summary>Their net revenue in the merchant's currency (orders in other currencies are counted, not summed).</summary>
    public decimal AttributedRevenue { get; set; }
}
