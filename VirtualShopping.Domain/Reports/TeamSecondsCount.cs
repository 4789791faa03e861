using VirtualShopping.Domain.Common;

namespace VirtualShopping.Domain.Reports;

/// <summary>
/// A per-second histogram row of the team performance rollup: how many chats of a day and dimensions took exactly
/// <see cref="Seconds"/> whole seconds for a <see cref="Metric"/>. Summing the rows of any range gives the exact
/// distribution, so its median and p90 (nearest rank) are exact at whole-second resolution.
/// </summary>
public sealed class TeamSecondsCount : ITenantOwned
{
    public Guid MerchantId { get; set; }

    public DateOnly Day { get; set; }

    public Guid StaffMemberId { get; set; }

    public Guid StoreId { get; set; }

    public Guid DepartmentId { get; set; }

    public TeamMetric Metric { get; set; }

    public int Seconds { get; set; }

    public int Count { get; set; }
}
