using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Products;
using VirtualShopping.Infrastructure.Email;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Sms;

namespace VirtualShopping.Web.Features.Products;

/// <summary>
/// Products an expert shares from the Store App outside a chat: a link or QR code to pass on, or a text message or email
/// to one recipient through the installation's Twilio and SMTP adapters. The share (channel as asked, the expert's first
/// store, no shopper) is stored only once the message went out; the recipient is never stored or logged. Also the
/// expert's own shares: their QR codes, the recent list with clicks, and revoking one.
/// </summary>
public sealed partial class OneOffShares(
    IDbContextFactory<VirtualShoppingDbContext> contexts,
    ProductShares shares,
    TwilioSmsSender sms,
    SmtpEmailSender email,
    TimeProvider clock,
    ILogger<OneOffShares> log)
{
    public const string NoSuchProduct = "There is no such product.";

    public const string NoSuchShare = "There is no such share link.";

    public async Task<OneOffShareOutcome> ShareAsync(Guid staffMemberId, string expertName, Guid productId, OneOffShareInput? input, CancellationToken cancellationToken)
    {
        var (request, problems) = OneOffShare.Read(input?.Channel, input?.To, input?.Note);
        if (request is null)
        {
            return OneOffShareOutcome.Invalid(problems);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var product = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == productId, cancellationToken);
        if (product is null)
        {
            return OneOffShareOutcome.Refused(StatusCodes.Status404NotFound, NoSuchProduct);
        }

        string? sender = null;
        if (request.Channel == ShareChannel.Sms)
        {
            sender = await db.AccountSettings.AsNoTracking().Select(a => a.LeftMessageSenderId).FirstOrDefaultAsync(cancellationToken);
            if (!sms.IsConfigured || string.IsNullOrWhiteSpace(sender))
            {
                return OneOffShareOutcome.Refused(StatusCodes.Status409Conflict, sms.IsConfigured
                    ? "Text messages are not set up: HQ sets the SMS sender ID in Account settings."
                    : "Text messages are not set up on this installation. Share a link or QR code instead.");
            }
        }
        else if (request.Channel == ShareChannel.Email && !email.IsConfigured)
        {
            return OneOffShareOutcome.Refused(StatusCodes.Status409Conflict, "Email is not set up on this installation. Share a link or QR code instead.");
        }

        var merchant = await db.Merchants.AsNoTracking().Select(m => m.Name).FirstAsync(cancellationToken);
        var storeId = await FirstStoreAsync(db, staffMemberId, cancellationToken);
        var token = ShareToken.Generate();
        var card = ProductCardView.Of(product, shares.LinkFor(token));
        var expert = string.IsNullOrWhiteSpace(expertName) ? "Your expert" : expertName;
        try
        {
            if (request.Channel == ShareChannel.Sms)
            {
                var text = $"{expert} at {merchant} shared {card.Title}: {card.Url}" + (request.Note is null ? string.Empty : "\n" + request.Note);
                await sms.SendAsync(new OutgoingSms(request.To!, sender!, text), cancellationToken);
            }
            else if (request.Channel == ShareChannel.Email)
            {
                await email.SendAsync(Email(request.To!, expert, merchant, card, request.Note), cancellationToken);
            }
        }
        catch (Exception e) when (e is SmsDeliveryException or EmailDeliveryException)
        {
            // The provider's reason may quote the recipient: it is blanked out before it is logged, and not shown.
            LogNotSent(log, request.Channel, productId, e.Message.Replace(request.To!, "[recipient]", StringComparison.OrdinalIgnoreCase));
            return OneOffShareOutcome.Refused(StatusCodes.Status502BadGateway, request.Channel == ShareChannel.Sms
                ? "The text message could not be sent. Check the number and try again; nothing was shared."
                : "The email could not be sent. Check the address and try again; nothing was shared.");
        }

        var share = await shares.CreateAsync(productId, staffMemberId, request.Channel, storeId, null, null, token, CancellationToken.None);
        return share is null
            ? OneOffShareOutcome.Refused(StatusCodes.Status404NotFound, NoSuchProduct)
            : OneOffShareOutcome.Created(ViewOf(share, card.Url, product.Title, 0));
    }

    /// <summary>A live share of the current merchant by its token (any expert's: the Store App may show its QR code).</summary>
    public async Task<string?> LiveLinkAsync(string token, CancellationToken cancellationToken)
    {
        if (!ShareToken.IsWellFormed(token))
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ProductShares.AnyAsync(s => s.Token == token && s.RevokedAt == null, cancellationToken) ? shares.LinkFor(token) : null;
    }

    /// <summary>Revokes one of the expert's own shares (again is fine); false when they have no share with this token.</summary>
    public async Task<bool> RevokeAsync(Guid staffMemberId, string token, CancellationToken cancellationToken)
    {
        if (!ShareToken.IsWellFormed(token))
        {
            return false;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var share = await db.ProductShares.SingleOrDefaultAsync(s => s.Token == token && s.StaffMemberId == staffMemberId, cancellationToken);
        if (share is null)
        {
            return false;
        }

        share.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(CancellationToken.None);
        return true;
    }

    /// <summary>The expert's most recent shares (any channel, chats included), newest first, with how often each was opened.</summary>
    public async Task<IReadOnlyList<ShareLinkView>> RecentAsync(Guid staffMemberId, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.ProductShares.AsNoTracking()
            .Where(s => s.StaffMemberId == staffMemberId)
            .OrderByDescending(s => s.CreatedAt)
            .Take(take)
            .Select(s => new
            {
                Share = s,
                Title = db.Products.Where(p => p.Id == s.ProductId).Select(p => p.Title).FirstOrDefault(),
                Clicks = db.ProductShareClicks.Count(c => c.ShareId == s.Id),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => ViewOf(r.Share, shares.LinkFor(r.Share.Token), r.Title, r.Clicks)).ToList();
    }

    private static ShareLinkView ViewOf(ProductShare share, string url, string? title, int clicks)
    {
        var qr = $"/api/v1/expert/shares/{share.Token}/qr";
        return new ShareLinkView(share.Token, url, share.Channel.ToString().ToLowerInvariant(), qr + ".png", qr + ".svg", share.CreatedAt, share.ProductId, title, share.RevokedAt, clicks);
    }

    /// <summary>The expert's first store: the ones they are assigned to by name, then their teams' stores by name.</summary>
    private static async Task<Guid?> FirstStoreAsync(VirtualShoppingDbContext db, Guid staffMemberId, CancellationToken cancellationToken)
    {
        var person = db.StaffMembers.AsNoTracking().Where(s => s.Id == staffMemberId);
        var assigned = await person.SelectMany(s => s.Stores).OrderBy(s => s.Name).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(cancellationToken);
        return assigned ?? await person.SelectMany(s => s.Teams)
            .Join(db.Stores, t => t.StoreId, s => s.Id, (_, s) => s)
            .OrderBy(s => s.Name).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(cancellationToken);
    }

    private static OutgoingEmail Email(string to, string expert, string merchant, ProductCardView card, string? note)
    {
        var subject = $"{expert} at {merchant} shared {card.Title} with you";
        var name = card.Variant is null ? card.Title : $"{card.Title} ({card.Variant})";
        var price = card.SalePriceText is { } sale ? $"{sale} (sale, was {card.PriceText})" : card.PriceText;
        var text = new StringBuilder()
            .Append(expert).Append(" at ").Append(merchant).AppendLine(" thought you would like this:").AppendLine()
            .AppendLine(name).AppendLine(price);
        if (note is not null)
        {
            text.AppendLine().AppendLine(note);
        }

        text.AppendLine().Append("See the product: ").AppendLine(card.Url);

        static string E(string value) => WebUtility.HtmlEncode(value);
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html><body style=\"margin:0;padding:24px;background:#f4f3f8;font-family:Arial,Helvetica,sans-serif;color:#1d1b2e\">")
            .Append("<table role=\"presentation\" style=\"max-width:480px;margin:0 auto;background:#ffffff;border-radius:12px;padding:24px\"><tr><td>")
            .Append("<p style=\"margin:0 0 16px\">").Append(E(expert)).Append(" at ").Append(E(merchant)).Append(" thought you would like this:</p>");
        if (card.ImageUrl is not null)
        {
            html.Append("<img src=\"").Append(E(card.ImageUrl)).Append("\" alt=\"").Append(E(card.Title)).Append("\" width=\"240\" style=\"max-width:100%;height:auto;border-radius:8px\">");
        }

        html.Append("<h1 style=\"font-size:20px;margin:16px 0 4px\">").Append(E(name)).Append("</h1>");
        html.Append(card.SalePriceText is { } salePrice
            ? $"<p style=\"margin:0 0 16px\"><strong>{E(salePrice)}</strong> <s>{E(card.PriceText)}</s></p>"
            : $"<p style=\"margin:0 0 16px\"><strong>{E(card.PriceText)}</strong></p>");
        if (note is not null)
        {
            html.Append("<p style=\"margin:0 0 16px;white-space:pre-line\">").Append(E(note)).Append("</p>");
        }

        html.Append("<a href=\"").Append(E(card.Url)).Append("\" style=\"display:inline-block;background:#3f3a8c;color:#ffffff;text-decoration:none;font-weight:bold;padding:12px 20px;border-radius:6px\">See the product</a>")
            .Append("</td></tr></table></body></html>");
        return new OutgoingEmail(to, to, subject, text.ToString(), html.ToString());
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A one-off {Channel} share of product {ProductId} was not sent: {Reason}")]
    private static partial void LogNotSent(ILogger logger, ShareChannel channel, Guid productId, string reason);
}
