using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Infrastructure.Email;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;
using VirtualShopping.Web.Features.Products;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// Emails the expert's replies to a shopper who left the site and gave an email: every expert message after the
/// last one emailed (or read), in one email, in the chat's language, with a link back to the page they chatted on.
/// Queued about a minute after a reply (see <see cref="OfflineReplies"/>), so a burst of replies is one email. The
/// messages are marked emailed before sending (a conditional update: each is emailed once, whichever job gets
/// there), and the mark is put back if the SMTP server refuses, so Hangfire's retry sends them.
/// </summary>
public sealed class OfflineReplyJob(
    IDbContextFactory<VirtualShoppingDbContext> contexts,
    MerchantScope scope,
    SmtpEmailSender email,
    ShopperPresence presence,
    ILogger<OfflineReplyJob> logger)
{
    [AutomaticRetry(Attempts = 5)]
    public async Task RunAsync(Guid merchantId, Guid chatId, CancellationToken cancellationToken)
    {
        scope.Use(merchantId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var chat = await db.Chats.AsNoTracking().SingleOrDefaultAsync(c => c.Id == chatId, cancellationToken);
        if (chat?.ShopperEmail is null || presence.IsOnline(chat.ShopperId))
        {
            // Back on the site: the widget shows the replies.
            return;
        }

        if (!email.IsConfigured)
        {
            logger.OfflineRepliesNotConfigured(chatId);
            return;
        }

        var from = Math.Max(chat.EmailedThroughSequence, chat.ShopperReadSequence);
        var replies = await db.ChatMessages.AsNoTracking()
            .Where(m => m.ChatId == chatId && m.Sequence > from && m.Sender == MessageSender.Expert && (m.Kind == MessageKind.Text || m.Kind == MessageKind.Attachment || m.Kind == MessageKind.Discount || m.Kind == MessageKind.Product))
            .OrderBy(m => m.Sequence).ToListAsync(cancellationToken);
        if (replies.Count == 0)
        {
            return;
        }

        var through = replies[^1].Sequence;
        var marked = await db.Chats.Where(c => c.Id == chatId && c.EmailedThroughSequence == chat.EmailedThroughSequence)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.EmailedThroughSequence, through), cancellationToken);
        if (marked == 0)
        {
            // Another job is emailing these replies.
            return;
        }

        var merchant = await db.Merchants.AsNoTracking().Where(m => m.Id == merchantId).Select(m => m.Name).SingleAsync(cancellationToken);
        try
        {
            await email.SendAsync(Compose(chat, merchant, replies), cancellationToken);
        }
        catch
        {
            await db.Chats.Where(c => c.Id == chatId && c.EmailedThroughSequence == through)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.EmailedThroughSequence, chat.EmailedThroughSequence), CancellationToken.None);
            throw;
        }

        logger.OfflineRepliesSent(chatId, replies.Count);
    }

    /// <summary>The email: the replies with their authors and times, in text and HTML, and a link back to the shopper's page.</summary>
    public static OutgoingEmail Compose(Chat chat, string merchantName, IReadOnlyList<ChatMessage> replies)
    {
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentNullException.ThrowIfNull(replies);
        var texts = OfflineReplyTexts.For(chat.Language);
        var products = ProductCardTexts.For(chat.Language);
        var culture = CultureInfo.GetCultureInfo(chat.Language);
        var link = SafeUrl.IsHttps(chat.PageUrl) ? chat.PageUrl : null;
        var html = HtmlEncoder.Default;
        var text = new StringBuilder().AppendLine(string.Format(culture, texts.Intro, merchantName)).AppendLine();
        var body = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<p>{html.Encode(string.Format(culture, texts.Intro, merchantName))}</p>");
        foreach (var reply in replies)
        {
            var author = reply.AuthorName ?? merchantName;
            var card = reply.Kind == MessageKind.Product ? ProductCardView.Read(reply.Data) : null;
            var words = reply.Kind == MessageKind.Attachment
                ? string.IsNullOrWhiteSpace(reply.Text) ? texts.Attachment : $"{texts.Attachment} {reply.Text}"
                : card is not null ? products.Line(card, culture) : reply.Text;
            text.Append(CultureInfo.InvariantCulture, $"[{reply.SentAt:HH:mm}] {author}: ").AppendLine(words);
            var heading = string.Create(CultureInfo.InvariantCulture, $"<strong>{html.Encode(author)}</strong> <small>{reply.SentAt:HH:mm}</small><br>");
            body.Append(card is null ? $"<p>{heading}{html.Encode(words)}</p>" : $"<div style=\"margin:0 0 1em\">{heading}{products.Html(card, culture)}</div>");
        }

        if (link is not null)
        {
            text.AppendLine().AppendLine(texts.Continue).AppendLine(link);
            body.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{html.Encode(link)}\">{html.Encode(texts.Continue)}</a></p>");
        }

        text.AppendLine().AppendLine(merchantName);
        body.Append(CultureInfo.InvariantCulture, $"<p>{html.Encode(merchantName)}</p>");
        return new OutgoingEmail(
            chat.ShopperEmail!,
            chat.ShopperName ?? chat.ShopperEmail!,
            string.Format(culture, texts.Subject, merchantName),
            text.ToString(),
            $"<!DOCTYPE html><html lang=\"{html.Encode(chat.Language)}\"><body>{body}</body></html>");
    }
}

/// <summary>The words of the offline reply email in each chat language; English when a language has none.</summary>
public sealed record OfflineReplyTexts(string Subject, string Intro, string Attachment, string Continue)
{
    private static readonly Dictionary<string, OfflineReplyTexts> ByLanguage = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = new("New reply from {0}", "You left the site, so here is what {0} answered in your chat:", "(sent a photo or video)", "Continue the chat"),
        ["fr"] = new("Nouvelle réponse de {0}", "Vous avez quitté le site : voici ce que {0} a répondu dans votre conversation :", "(a envoyé une photo ou une vidéo)", "Reprendre la conversation"),
        ["fi"] = new("Uusi vastaus: {0}", "Poistuit sivustolta, joten tässä on {0} vastaus keskusteluusi:", "(lähetti kuvan tai videon)", "Jatka keskustelua"),
        ["de"] = new("Neue Antwort von {0}", "Sie haben die Seite verlassen, deshalb hier die Antwort von {0} in Ihrem Chat:", "(hat ein Foto oder Video gesendet)", "Chat fortsetzen"),
        ["es"] = new("Nueva respuesta de {0}", "Has salido del sitio, así que aquí tienes lo que {0} respondió en tu chat:", "(envió una foto o un vídeo)", "Continuar el chat"),
        ["sv"] = new("Nytt svar från {0}", "Du lämnade webbplatsen, så här är vad {0} svarade i din chatt:", "(skickade ett foto eller en video)", "Fortsätt chatten"),
    };

    public static OfflineReplyTexts For(string language) =>
        ByLanguage.TryGetValue(language, out var texts) ? texts : ByLanguage["en"];
}
