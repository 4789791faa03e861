using System.Diagnostics.CodeAnalysis;
using VirtualShopping.Domain.Products;

namespace VirtualShopping.Infrastructure.Products;

/// <summary>
/// A feed item held while its import reads the rest of the feed: a feed is complete, so nothing is applied to the
/// products until the whole feed has been read and found sound. Keyed by import and feed id (the last row of an id
/// wins); deleted once the import is applied or has failed. <see cref="Id"/> becomes the product's id if it is new.
/// </summary>
public sealed class StagedProduct : ProductFeedValues
{
    public StagedProduct()
    {
    }

    [SetsRequiredMembers]
    public StagedProduct(Guid importId, Guid merchantId, ProductFeedItem item)
        : base(item)
    {
        ImportId = importId;
        MerchantId = merchantId;
    }

    public Guid ImportId { get; set; }

    public Guid MerchantId { get; set; }

    public Guid Id { get; set; } = Guid.NewGuid();
}
