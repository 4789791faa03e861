using System.Globalization;
using System.Text;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Infrastructure.Email;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Tenancy;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>Emails the shopper a plain-text transcript of their chat, in the chat's language, after it ends.</summary>
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

    /// <summary>The transcript email: the chat's words in its language, every message with its time and author.</summary>
    public static OutgoingEmail Compose(Chat chat, string merchantName, IReadOnlyList<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentNullException.ThrowIfNull(messages);
        var texts = TranscriptTexts.For(chat.Language);
        var culture = CultureInfo.GetCultureInfo(chat.Language);
        var body = new StringBuilder();
        body.AppendLine(string.Format(culture, texts.Intro, chat.StartedAt.ToString("D", culture))).AppendLine();
        foreach (var message in messages)
        {
            var author = message.Sender switch
            {
                MessageSender.Shopper => texts.You,
                MessageSender.Expert => message.AuthorName ?? merchantName,
                _ => merchantName,
            };
            body.Append(CultureInfo.InvariantCulture, $"[{message.SentAt:HH:mm}] {author}: ").AppendLine(message.Text);
        }

        body.AppendLine().AppendLine(texts.Closing).AppendLine(merchantName);
        return new OutgoingEmail(chat.ShopperEmail!, chat.ShopperName ?? chat.ShopperEmail!, string.Format(culture, texts.Subject, merchantName), body.ToString());
    }
}
