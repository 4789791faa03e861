using VirtualShopping.Domain.Common;

namespace VirtualShopping.Domain.Reports;

/// <summary>How far the team performance rollup of a merchant has looked: rows changed since <see cref="Watermark"/> mark their days dirty.</summary>
public sealed class TeamRollupState : ITenantOwned
{
    public Guid MerchantId { get; set; }

    public DateTimeOffset Watermark { get; set; }
}
