using VirtualShopping.Domain.Audit;
using VirtualShopping.Domain.Common;

namespace VirtualShopping.Domain.Settings;

/// <summary>An image the widget shows: the merchant's logo or its launcher icon.</summary>
public sealed class ChatAsset : ITenantOwned, IAudited
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid MerchantId { get; set; }

    public ChatAssetKind Kind { get; set; }

    public required string ContentType { get; set; }

    [AuditMasked]
    public required byte[] Content { get; set; }

    /// <summary>SHA-256 of the content, hex: the image's version for caches.</summary>
    public required string Sha256 { get; set; }

    public string FileName { get; set; } = string.Empty;

    public DateTimeOffset UploadedAt { get; set; }

    public string AuditLabel => Kind == ChatAssetKind.Logo ? "Chat logo" : "Chat launcher icon";
}
