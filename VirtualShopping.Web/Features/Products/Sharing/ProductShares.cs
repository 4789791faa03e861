using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VirtualShopping.Domain.Products;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Web.Features.Operations;

namespace VirtualShopping.Web.Features.Products;

/// <summary>
/// Share links: every product an expert shares gets a <see cref="ProductShare"/> whose short link /p/{token} leads to the
/// product page (see the share-link endpoint) and records each click for attribution.
/// </summary>
public sealed class ProductShares(IDbContextFactory<VirtualShoppingDbContext> contexts, IOptions<PublicAppOptions> app, TimeProvider clock)
{
    /// <summary>The absolute short link of a token, e.g. https://chat.example.com/p/Ab3dEf6hJk9m.</summary>
    public string LinkFor(string token) => app.Value.LinkTo("p/" + token);

    /// <summary>
    /// A new share of the current merchant's product by an expert (the tenant filter scopes the product): null when the
    /// merchant has no such product. <paramref name="token"/> lets a caller put the link in a message before the share
    /// is stored (see <see cref="ShareToken.Generate"/>); a new one is made when null.
    /// </summary>
    public async Task<ProductShare?> CreateAsync(
        Guid productId, Guid staffMemberId, ShareChannel channel, Guid? storeId, Guid? chatId, Guid? shopperId, string? token = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Products.AnyAsync(p => p.Id == productId, cancellationToken))
        {
            return null;
        }

        var share = new ProductShare
        {
            Token = token ?? ShareToken.Generate(),
            ProductId = productId,
            StaffMemberId = staffMemberId,
            StoreId = storeId,
            Channel = channel,
            ChatId = chatId,
            ShopperId = shopperId,
            CreatedAt = clock.GetUtcNow(),
        };
        db.ProductShares.Add(share);
        await db.SaveChangesAsync(cancellationToken);
        return share;
    }
}
