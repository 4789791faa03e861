using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using VirtualShopping.Domain.Products;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Products;

/// <summary>
/// Opening a share link: finds the share by its token across merchants (the token is unique, the link is anonymous),
/// records the click against the expert, store, shopper and product, and says where the shopper goes. A revoked,
/// unknown or malformed token goes to a friendly page that leads to the merchant's site.
/// </summary>
public sealed class ShareLinkVisits(IDbContextFactory<VirtualShoppingDbContext> contexts, IMemoryCache cache, TimeProvider clock)
{
    /// <summary>
    /// Opens a link. <paramref name="markBrowser"/> is called for a live link with whether the merchant's consent mode
    /// allows marking the browser without asking (<see cref="CookieConsentMode.NotRequired"/>); it returns the browser id
    /// it set (or kept), or null, which the click records. <paramref name="byStaff"/>: a signed-in staff member (e.g. an
    /// expert opening a card from the inbox) goes to the product page but is neither counted as a click nor marked.
    /// </summary>
    public async Task<ShareLinkVisit> OpenAsync(string? token, Func<bool, string?> markBrowser, CancellationToken cancellationToken, bool byStaff = false)
    {
        ArgumentNullException.ThrowIfNull(markBrowser);
        if (!ShareToken.IsWellFormed(token))
        {
            // A guess of the wrong shape costs no query (the installation's only site is looked up once a minute at most).
            return new ShareLinkVisit(ShareLinkOutcome.Unknown, null, await OnlyMerchantHomeAsync(cancellationToken), null);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var share = await db.ProductShares.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.Token == token)
            .Select(s => new
            {
                Share = s,
                Link = db.Products.IgnoreQueryFilters().Where(p => p.Id == s.ProductId && p.MerchantId == s.MerchantId).Select(p => p.Link).FirstOrDefault(),
                Merchant = db.Merchants.Where(m => m.Id == s.MerchantId).Select(m => m.Name).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (share is null)
        {
            return new ShareLinkVisit(ShareLinkOutcome.Unknown, null, await OnlyMerchantHomeAsync(cancellationToken), null);
        }

        var settings = await db.ChatSettings.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.MerchantId == share.Share.MerchantId)
            .Select(c => new { c.AllowedOrigins, c.CookieConsent })
            .FirstOrDefaultAsync(cancellationToken);
        var home = HomeOf(settings?.AllowedOrigins, share.Link);
        var destination = ShareLinkDestination.For(share.Link, share.Share.Channel, share.Share.Token);
        if (share.Share.RevokedAt is not null)
        {
            return new ShareLinkVisit(ShareLinkOutcome.Revoked, null, home, share.Merchant);
        }

        if (destination is null)
        {
            return new ShareLinkVisit(ShareLinkOutcome.Unknown, null, home, share.Merchant);
        }

        if (byStaff)
        {
            return new ShareLinkVisit(ShareLinkOutcome.Redirect, destination, home, share.Merchant);
        }

        var browserId = markBrowser((settings?.CookieConsent ?? CookieConsentMode.WaitForConsent) == CookieConsentMode.NotRequired);
        db.ProductShareClicks.Add(new ProductShareClick
        {
            MerchantId = share.Share.MerchantId,
            ShareId = share.Share.Id,
            ProductId = share.Share.ProductId,
            StaffMemberId = share.Share.StaffMemberId,
            StoreId = share.Share.StoreId,
            ShopperId = share.Share.ShopperId,
            BrowserId = browserId,
            ClickedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(CancellationToken.None);
        return new ShareLinkVisit(ShareLinkOutcome.Redirect, destination, home, share.Merchant);
    }

    /// <summary>
    /// The merchant's home page: the first https site allowed to load its chat (Chat settings), else the root of the
    /// product's own page when that is https; null when neither is known.
    /// </summary>
    private static string? HomeOf(IEnumerable<string>? allowedOrigins, string? productLink)
    {
        if (allowedOrigins?.FirstOrDefault(o => SafeUrl.IsHttps(o)) is { } site)
        {
            return site.TrimEnd('/') + "/";
        }

        return SafeUrl.IsHttps(productLink) ? new Uri(productLink).GetLeftPart(UriPartial.Authority) + "/" : null;
    }

    /// <summary>For a token with no merchant: the site of the installation's only merchant, if it has exactly one.</summary>
    private Task<string?> OnlyMerchantHomeAsync(CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(OnlyMerchantHomeKey, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return FindOnlyMerchantHomeAsync(cancellationToken);
        });

    private static readonly object OnlyMerchantHomeKey = new();

    private async Task<string?> FindOnlyMerchantHomeAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var merchants = await db.Merchants.AsNoTracking().Where(m => m.IsActive).Select(m => m.Id).Take(2).ToListAsync(cancellationToken);
        if (merchants.Count != 1)
        {
            return null;
        }

        var origins = await db.ChatSettings.IgnoreQueryFilters().AsNoTracking().Where(c => c.MerchantId == merchants[0])
            .Select(c => c.AllowedOrigins).FirstOrDefaultAsync(cancellationToken);
        return HomeOf(origins, null);
    }
}
