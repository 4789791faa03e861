namespace VirtualShopping.Web.Features.Products;

/// <summary>
/// A share link as the Store App sees it: the token, the absolute link, the channel (lower case, as asked), where to
/// fetch its QR code (paths on this API), when it was made and revoked, and how often it was opened.
/// </summary>
public sealed record ShareLinkView(
    string Token,
    string Url,
    string Channel,
    string QrPngUrl,
    string QrSvgUrl,
    DateTimeOffset CreatedAt,
    Guid ProductId,
    string? ProductTitle,
    DateTimeOffset? RevokedAt,
    int Clicks);
