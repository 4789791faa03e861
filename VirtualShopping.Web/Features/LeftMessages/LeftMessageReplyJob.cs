using System.Globalization;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Infrastructure.Email;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Sms;
using VirtualShopping.Infrastructure.Tenancy;
using VirtualShopping.Web.Features.Operations;
using VirtualShopping.Web.Features.Staff;

namespace VirtualShopping.Web.Features.LeftMessages;

/// <summary>
/// Sends an answer to a left message by email (MailKit) or SMS (from the merchant's sender ID). A failure is
/// recorded and thrown, so Hangfire retries; after the last attempt the answer is marked failed with the
/// provider's error for the dashboard.
/// </summary>
public sealed class LeftMessageReplyJob(
    IDbContextFactory<VirtualShoppingDbContext> contexts,
    MerchantScope scope,
    SmtpEmailSender email,
    TwilioSmsSender sms,
    IOptions<PublicAppOptions> app,
    TimeProvider clock)
{
    public const int MaxAttempts = 6;

    [AutomaticRetry(Attempts = MaxAttempts - 1, DelaysInSeconds = [10, 30, 60, 300, 900], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task RunAsync(Guid merchantId, Guid replyId, CancellationToken cancellationToken)
    {
        scope.Use(merchantId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var reply = await db.LeftMessageReplies.SingleOrDefaultAsync(r => r.Id == replyId, cancellationToken);
        if (reply is null || reply.Delivery != ReplyDelivery.Queued)
        {
            return;
        }

        var message = await db.LeftMessages.SingleAsync(m => m.Id == reply.LeftMessageId, cancellationToken);
        var merchant = await db.Merchants.AsNoTracking().SingleAsync(m => m.Id == merchantId, cancellationToken);
        reply.Attempts++;

        // The one-time link is minted here, so it never sits in the job's arguments (Hangfire's storage and
        // dashboard): only its hash is kept. Each attempt mints a fresh one; the last one sent is the one that works.
        var token = InvitationToken.Create();
        reply.LinkTokenHash = InvitationToken.Hash(token);
        await db.SaveChangesAsync(CancellationToken.None);
        var link = app.Value.LinkTo($"m?t={token}");
        try
        {
            if (reply.Channel == ReplyChannel.Email)
            {
                var body = $"{reply.Text}\n\n{reply.AuthorName}, {merchant.Name}\n\nContinue the conversation: {link}\n(The link works until {reply.LinkExpiresAt.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}.)\n";
                await email.SendAsync(new OutgoingEmail(message.Email!, message.Name, $"Re: your message to {merchant.Name}", body), cancellationToken);
            }
            else
            {
                var sender = (await db.AccountSettings.AsNoTracking().FirstAsync(cancellationToken)).LeftMessageSenderId!;
                await sms.SendAsync(new OutgoingSms(message.Phone!, sender, $"{reply.Text}\n{link}"), cancellationToken);
            }

            reply.Delivery = ReplyDelivery.Sent;
            reply.SentAt = clock.GetUtcNow();
            reply.LastError = null;
            message.AnsweredAt ??= reply.SentAt;
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is EmailDeliveryException or SmsDeliveryException)
        {
            reply.LastError = e.Message.Length > 500 ? e.Message[..500] : e.Message;
            if (reply.Attempts >= MaxAttempts)
            {
                reply.Delivery = ReplyDelivery.Failed;
            }

            await db.SaveChangesAsync(CancellationToken.None);
            if (reply.Delivery == ReplyDelivery.Queued)
            {
                throw;
            }
        }
    }
}
