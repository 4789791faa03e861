using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace VirtualShopping.Infrastructure.Email;

/// <summary>Sends email through the configured SMTP server with MailKit.</summary>
public sealed class SmtpEmailSender(IOptionsMonitor<SmtpOptions> options)
{
    public bool IsConfigured => options.CurrentValue.IsConfigured;

    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default)
    {
        var smtp = options.CurrentValue;
        if (!smtp.IsConfigured)
        {
            throw new EmailDeliveryException("Email is not set up: add the Smtp section (host, port, sender) to the configuration.");
        }

        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(smtp.FromName, smtp.FromAddress));
        message.To.Add(new MailboxAddress(email.ToName, email.ToAddress));
        message.Subject = email.Subject;
        var body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody };
        foreach (var attachment in email.Attachments ?? [])
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        message.Body = body.ToMessageBody();

        using var client = new SmtpClient { Timeout = 15_000 };
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.Security switch
            {
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                SmtpSecurity.None => SecureSocketOptions.None,
                _ => SecureSocketOptions.StartTlsWhenAvailable,
            }, cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(smtp.Username))
            {
                await client.AuthenticateAsync(smtp.Username, smtp.Password ?? string.Empty, cancellationToken).ConfigureAwait(false);
            }

            await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is System.Net.Sockets.SocketException or IOException or SmtpCommandException or SmtpProtocolException or AuthenticationException or SslHandshakeException or TimeoutException)
        {
            throw new EmailDeliveryException($"The SMTP server {smtp.Host}:{smtp.Port} did not accept the email: {ex.Message}", ex);
        }
    }
}
