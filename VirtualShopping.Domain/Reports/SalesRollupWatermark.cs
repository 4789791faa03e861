using VirtualShopping.Domain.Common;

namespace VirtualShopping.Domain.Reports;

/// <summary>
/// How far the sales rollup's refresh has read a merchant's changes: orders received or re-attributed, adjustments
/// received and chats started, claimed or active since <see cref="ChangesSince"/> mark their days for a rebuild.
/// </summary>
public sealed class SalesRollupWatermark : ITenantOwned
{
    public Guid MerchantId { get; set; }

    public DateTimeOffset ChangesSince { get; set; }

    public DateTimeOffset RefreshedAt { get; set; }
}
