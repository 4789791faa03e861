using VirtualShopping.Web.Features.Chats;

namespace VirtualShopping.Web.Features.Products;

/// <summary>The Store App's share links: one-off shares of a product, their QR codes, the recent list and revoking one.</summary>
public static class ShareEndpoints
{
    public const int MaxRecent = 100;

    /// <summary>On the Store App's group (an active expert's bearer token).</summary>
    public static void MapExpertShareEndpoints(this RouteGroupBuilder expert)
    {
        ArgumentNullException.ThrowIfNull(expert);

        expert.MapPost("/products/{productId:guid}/shares", async (Guid productId, OneOffShareInput? input, HttpContext http, OneOffShares shares, CancellationToken ct) =>
        {
            var (id, name) = ExpertCallerFilter.ExpertOf(http);
            var outcome = await shares.ShareAsync(id, name, productId, input, ct);
            if (outcome.Share is { } share)
            {
                return Results.Created(share.Url, share);
            }

            return outcome.Problems.Count > 0
                ? Results.ValidationProblem(outcome.Problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()), title: "Check what you entered")
                : Results.Problem(outcome.Detail, statusCode: outcome.Status, title: outcome.Status switch
                {
                    StatusCodes.Status404NotFound => "Not found",
                    StatusCodes.Status502BadGateway => "Not sent",
                    _ => "Not set up",
                });
        })
            .WithName("ShareExpertProduct")
            .WithSummary("Shares a product by link, QR code, text message or email")
            .WithDescription("Body `{ channel: link|qr|sms|email, to, note }`: `to` is an E.164 number for sms and an email address for email (never stored); `note` is optional, up to 300 characters. The text message or email goes out through the installation's Twilio and SMTP settings first; the share is stored only once it was sent. 201 with `{ token, url, channel, qrPngUrl, qrSvgUrl, createdAt, ... }`; 400 naming the field; 404 for a product the merchant does not have; 409 when SMS or email is not set up; 502 when the provider did not take the message (nothing stored).");

        expert.MapGet("/shares", async (int? take, HttpContext http, OneOffShares shares, CancellationToken ct) =>
            take is < 1 or > MaxRecent
                ? Results.ValidationProblem(new Dictionary<string, string[]> { ["take"] = [$"Ask for 1 to {MaxRecent} shares."] }, title: "Check what you entered")
                : Results.Ok(await shares.RecentAsync(ExpertCallerFilter.ExpertOf(http).Id, take ?? 20, ct)))
            .WithName("GetExpertShares")
            .WithSummary("The expert's recent share links")
            .WithDescription("Newest first (default 20, at most 100), every channel including chat cards, with the number of clicks and when a link was revoked.");

        expert.MapGet("/shares/{token}/qr.png", async (string token, int? size, HttpContext http, OneOffShares shares, CancellationToken ct) =>
            await QrAsync(token, size, http, shares, link => Results.File(ShareQrCodes.Png(link, size ?? ShareQrCodes.DefaultPixelsPerModule), "image/png"), ct))
            .WithName("GetShareQrPng")
            .WithSummary("The QR code of a share link, as PNG")
            .WithDescription("Encodes the share's short link. `size` is pixels per module, 4 to 20 (default 10). Shares of the caller's merchant only; 404 for any other or a revoked one.");

        expert.MapGet("/shares/{token}/qr.svg", async (string token, int? size, HttpContext http, OneOffShares shares, CancellationToken ct) =>
            await QrAsync(token, size, http, shares, link => Results.Text(ShareQrCodes.Svg(link, size ?? ShareQrCodes.DefaultPixelsPerModule), "image/svg+xml"), ct))
            .WithName("GetShareQrSvg")
            .WithSummary("The QR code of a share link, as SVG")
            .WithDescription("As the PNG, drawn as SVG (scales for print).");

        expert.MapDelete("/shares/{token}", async (string token, HttpContext http, OneOffShares shares, CancellationToken ct) =>
            await shares.RevokeAsync(ExpertCallerFilter.ExpertOf(http).Id, token, ct)
                ? Results.NoContent()
                : Results.Problem(OneOffShares.NoSuchShare, statusCode: StatusCodes.Status404NotFound, title: "Not found"))
            .WithName("RevokeExpertShare")
            .WithSummary("Revokes one of the expert's share links")
            .WithDescription("The link then shows shoppers a friendly \"This link has expired\" page leading to the merchant's site; clicks already recorded stay. 204; 404 for a link that is not the caller's.");
    }

    private static async Task<IResult> QrAsync(string token, int? size, HttpContext http, OneOffShares shares, Func<string, IResult> draw, CancellationToken ct)
    {
        if (size is { } pixels && !ShareQrCodes.IsAllowedSize(pixels))
        {
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { ["size"] = [$"Give the size in pixels per module, {ShareQrCodes.MinPixelsPerModule} to {ShareQrCodes.MaxPixelsPerModule}."] },
                title: "Check what you entered");
        }

        if (await shares.LiveLinkAsync(token, ct) is not { } link)
        {
            return Results.Problem(OneOffShares.NoSuchShare, statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        http.Response.Headers.CacheControl = "private, max-age=3600";
        return draw(link);
    }
}
