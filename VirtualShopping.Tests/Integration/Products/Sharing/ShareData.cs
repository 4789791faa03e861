using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Products;
using VirtualShopping.Tests.Support;

namespace VirtualShopping.Tests.Integration.Products.Sharing;

/// <summary>Products and shares straight in the database, for the share link tests.</summary>
internal static class ShareData
{
    public static Task<Product> ProductAsync(VirtualShoppingFactory factory, Guid merchantId, string link, bool inFeed = true) =>
        factory.InMerchantAsync(merchantId, async db =>
        {
            var product = new Product
            {
                MerchantId = merchantId,
                ExternalId = "SHARE-" + Guid.NewGuid().ToString("N")[..8],
                Title = "Trail Runner 2",
                Link = link,
                ImageLink = "https://images.example/trail-runner.jpg",
                Price = 119m,
                SalePrice = 89m,
                Currency = "GBP",
                Availability = ProductAvailability.InStock,
                Color = "Grey",
                Size = "41.5",
                InFeed = inFeed,
                ContentHash = "test",
            };
            db.Products.Add(product);
            await db.SaveChangesAsync();
            return product;
        });

    public static Task<ProductShare> ShareAsync(
        VirtualShoppingFactory factory, Guid merchantId, Guid productId, Guid staffMemberId, ShareChannel channel = ShareChannel.Chat, Guid? storeId = null, Guid? shopperId = null, bool revoked = false) =>
        factory.InMerchantAsync(merchantId, async db =>
        {
            var share = new ProductShare
            {
                MerchantId = merchantId,
                Token = ShareToken.Generate(),
                ProductId = productId,
                StaffMemberId = staffMemberId,
                StoreId = storeId,
                ShopperId = shopperId,
                Channel = channel,
                CreatedAt = DateTimeOffset.UtcNow,
                RevokedAt = revoked ? DateTimeOffset.UtcNow : null,
            };
            db.ProductShares.Add(share);
            await db.SaveChangesAsync();
            return share;
        });

    public static Task<List<ProductShareClick>> ClicksAsync(VirtualShoppingFactory factory, Guid merchantId, Guid shareId) =>
        factory.InMerchantAsync(merchantId, db => db.ProductShareClicks.AsNoTracking().Where(c => c.ShareId == shareId).ToListAsync());

    public static Task<List<ProductShare>> SharesOfAsync(VirtualShoppingFactory factory, Guid merchantId, Guid productId) =>
        factory.InMerchantAsync(merchantId, db => db.ProductShares.AsNoTracking().Where(s => s.ProductId == productId).ToListAsync());

    public static Task<Guid> StaffIdAsync(VirtualShoppingFactory factory, Guid merchantId, string email) =>
        factory.InMerchantAsync(merchantId, db => db.StaffMembers.Where(s => s.Email == email).Select(s => s.Id).SingleAsync());
}
