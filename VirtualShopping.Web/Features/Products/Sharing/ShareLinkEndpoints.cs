using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;

namespace VirtualShopping.Web.Features.Products;

/// <summary>
/// GET /p/{token}: the short link of a shared product (anonymous). A live link records the click and redirects (302)
/// to the product page with utm parameters; an unknown, malformed or revoked one shows a friendly page (404 / 410)
/// that leads to the merchant's site. Where the merchant needs no cookie consent, the browser gets a first-party id
/// (<see cref="BrowserCookie"/>) that the click records, so a later purchase can be credited (issue 13).
/// </summary>
public static class ShareLinkEndpoints
{
    /// <summary>The browser id cookie on this app's origin.</summary>
    public const string BrowserCookie = "vs_browser";

    public static readonly TimeSpan BrowserCookieLifetime = TimeSpan.FromDays(90);

    public static void MapShareLinks(this IEndpointRouteBuilder app) =>
        app.MapGet("/p/{token}", OpenAsync).AllowAnonymous().ExcludeFromDescription();

    private static async Task<IResult> OpenAsync(string token, HttpContext http, ShareLinkLimits limits, ShareLinkVisits visits, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (limits.TryOpen(http.Connection.RemoteIpAddress) is { } wait)
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return Page(StatusCodes.Status429TooManyRequests, "Please wait a moment", "Too many links were opened from your network just now. Try again in a minute.", null, null);
        }

        // Staff signed in to the dashboard (an expert opening a card from the inbox) are not shoppers: no click, no mark.
        var visit = await visits.OpenAsync(token, allowed => allowed ? MarkBrowser(http) : null, ct, byStaff: http.User.Identity?.IsAuthenticated == true);
        return visit.Outcome switch
        {
            ShareLinkOutcome.Redirect => (IResult)TypedResults.Redirect(visit.Destination!),
            ShareLinkOutcome.Revoked => Page(StatusCodes.Status410Gone, "This link has expired", "The product link you followed is no longer available. You can still find the product on the shop's website.", visit.HomeUrl, visit.MerchantName),
            _ => Page(StatusCodes.Status404NotFound, "We could not find this link", "Check that the link is complete, or look for the product on the shop's website.", visit.HomeUrl, visit.MerchantName),
        };
    }

    /// <summary>Keeps the browser's id (or gives it one) for another 90 days, and returns it.</summary>
    private static string MarkBrowser(HttpContext http)
    {
        var id = http.Request.Cookies[BrowserCookie];
        if (id is not { Length: 32 } || !id.All(char.IsAsciiHexDigitLower))
        {
            id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        }

        var secure = http.Request.IsHttps;
        http.Response.Cookies.Append(BrowserCookie, id, new CookieOptions
        {
            HttpOnly = true,
            Secure = secure,
            SameSite = secure ? SameSiteMode.None : SameSiteMode.Lax,
            MaxAge = BrowserCookieLifetime,
            Path = "/",
            IsEssential = true,
        });
        return id;
    }

    private static RazorComponentResult<ShareLinkPage> Page(int status, string title, string message, string? homeUrl, string? merchantName) =>
        new(new Dictionary<string, object?>
        {
            [nameof(ShareLinkPage.Title)] = title,
            [nameof(ShareLinkPage.Message)] = message,
            [nameof(ShareLinkPage.HomeUrl)] = homeUrl,
            [nameof(ShareLinkPage.MerchantName)] = merchantName,
        })
        { StatusCode = status };
}
