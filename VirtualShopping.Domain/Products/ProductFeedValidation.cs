using System.Diagnostics.CodeAnalysis;

namespace VirtualShopping.Domain.Products;

/// <summary>The outcome of <see cref="ProductFeedRules.Validate"/>: an item, or the rejection saying why not.</summary>
public sealed record ProductFeedValidation(ProductFeedItem? Item, FeedRejection? Rejection)
{
    [MemberNotNullWhen(true, nameof(Item))]
    [MemberNotNullWhen(false, nameof(Rejection))]
    public bool IsValid => Item is not null;
}
