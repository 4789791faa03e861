using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Web.Features.Staff;

namespace VirtualShopping.Web.Features.LeftMessages;

/// <summary>
/// GET /m?t={token}: the link in an answer. While it works it records that the shopper came back and sends
/// them to the page they wrote from; once expired it sends them to the merchant's Left Message expired URL.
/// The token rides in the query string, not the path: the path is in every log entry's request scope.
/// </summary>
public static class LeftMessageLinks
{
    public static void MapLeftMessageLinks(this IEndpointRouteBuilder app) =>
        app.MapGet("/m", async ([FromQuery(Name = "t")] string? token, IDbContextFactory<VirtualShoppingDbContext> contexts, TimeProvider clock, CancellationToken ct) =>
        {
            if (string.IsNullOrEmpty(token) || token.Length > 100)
            {
                return Results.Redirect("/m/expired");
            }

            await using var db = await contexts.CreateDbContextAsync(ct);
            var hash = InvitationToken.Hash(token);
            var reply = await db.LeftMessageReplies.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(r => r.LinkTokenHash == hash, ct);
            if (reply is null)
            {
                return Results.Redirect("/m/expired");
            }

            var now = clock.GetUtcNow();
            var message = await db.LeftMessages.IgnoreQueryFilters().SingleAsync(m => m.Id == reply.LeftMessageId, ct);
            if (now >= reply.LinkExpiresAt)
            {
                var expiredUrl = await db.AccountSettings.IgnoreQueryFilters().Where(a => a.MerchantId == reply.MerchantId)
                    .Select(a => a.LeftMessageExpiredUrl).FirstOrDefaultAsync(ct);
                return Results.Redirect(SafeUrl.IsHttps(expiredUrl) ? expiredUrl : "/m/expired");
            }

            await db.LeftMessages.IgnoreQueryFilters().Where(m => m.Id == message.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ShopperReturnedAt, now), ct);
            var destination = SafeUrl.IsHttps(message.PageUrl)
                ? message.PageUrl
                : "/m/welcome-back";
            return Results.Redirect(destination);
        }).AllowAnonymous().ExcludeFromDescription();
}
