using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Infrastructure.Email;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;
using VirtualShopping.Web.Features.Products;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>Emails the shopper a transcript of their chat (text and HTML), in the chat's language, after it ends.</summary>
public sealed class TranscriptJob(
    IDbContextFactory<VirtualShoppingDbContext> contexts,
    MerchantScope scope,
    SmtpEmailSender email,
    ILogger<TranscriptJob> logger)
{
    [AutomaticRetry(Attempts = 5)]
    public async Task RunAsync(Guid merchantId, Guid chatId, CancellationToken cancellationToken)
    {
        scope.Use(merchantId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var chat = await db.Chats.AsNoTracking().SingleOrDefaultAsync(c => c.Id == chatId, cancellationToken);
        if (chat?.ShopperEmail is null)
        {
            return;
        }

        if (!email.IsConfigured)
        {
            logger.TranscriptNotConfigured(chatId);
            return;
        }

        var merchant = await db.Merchants.AsNoTracking().SingleAsync(m => m.Id == merchantId, cancellationToken);
        // The shopper's copy: cart events were the expert's only.
        var messages = await db.ChatMessages.AsNoTracking().Where(m => m.ChatId == chatId && m.Kind != MessageKind.Cart && m.Kind != MessageKind.Note).OrderBy(m => m.Sequence).ToListAsync(cancellationToken);
        var message = Compose(chat, merchant.Name, messages);
        await email.SendAsync(message, cancellationToken);
        logger.TranscriptSent(chatId);
    }

    /// <summary>
    /// The transcript email: the chat's words in its language, every message with its time and author, in text and HTML;
    /// a product card as a line ("title (variant) — price — availability — link") or a small card.
    /// </summary>
    public static OutgoingEmail Compose(Chat chat, string merchantName, IReadOnlyList<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentNullException.ThrowIfNull(messages);
        var texts = TranscriptTexts.For(chat.Language);
        var products = ProductCardTexts.For(chat.Language);
        var culture = CultureInfo.GetCultureInfo(chat.Language);
        var html = HtmlEncoder.Default;
        var intro = string.Format(culture, texts.Intro, chat.StartedAt.ToString("D", culture));
        var body = new StringBuilder();
        var page = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<p>{html.Encode(intro)}</p>");
        body.AppendLine(intro).AppendLine();
        foreach (var message in messages)
        {
            var author = message.Sender switch
            {
                MessageSender.Shopper => texts.You,
                MessageSender.Expert => message.AuthorName ?? merchantName,
                _ => merchantName,
            };
            var card = message.Kind == MessageKind.Product ? ProductCardView.Read(message.Data) : null;
            body.Append(CultureInfo.InvariantCulture, $"[{message.SentAt:HH:mm}] {author}: ").AppendLine(card is null ? message.Text : products.Line(card, culture));
            page.Append(CultureInfo.InvariantCulture, $"<div style=\"margin:0 0 10px\"><strong>{html.Encode(author)}</strong> <small>{message.SentAt:HH:mm}</small><br>")
                .Append(card is null ? html.Encode(message.Text) : products.Html(card, culture)).Append("</div>");
        }

        body.AppendLine().AppendLine(texts.Closing).AppendLine(merchantName);
        page.Append(CultureInfo.InvariantCulture, $"<p>{html.Encode(texts.Closing)}<br>{html.Encode(merchantName)}</p>");
        return new OutgoingEmail(
            chat.ShopperEmail!,
            chat.ShopperName ?? chat.ShopperEmail!,
            string.Format(culture, texts.Subject, merchantName),
            body.ToString(),
            $"<!DOCTYPE html><html lang=\"{html.Encode(chat.Language)}\"><body>{page}</body></html>");
    }
}
