using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// Appends messages to a chat with the next number. The unique index on (chat, number) makes two
/// writers that pick the same number collide; the loser takes the next one. A retried send with the
/// same client message id returns the message already stored.
/// </summary>
public static class ChatLog
{
    private const int Attempts = 8;

    public static async Task<ChatMessage> AppendAsync(
        VirtualShoppingDbContext db,
        Chat chat,
        MessageSender sender,
        Guid? staffMemberId,
        string? authorName,
        string text,
        string? clientMessageId,
        DateTimeOffset now,
        CancellationToken cancellationToken,
        MessageKind kind = MessageKind.Text,
        string? data = null) =>
        (await AppendOnceAsync(db, chat, sender, staffMemberId, authorName, text, clientMessageId, now, null, cancellationToken, kind, data)).Message;

    /// <summary>
    /// Appends the message (with its attachment row, in the same save), or finds the one a retried send already
    /// stored; says which, so a retry is not pushed again.
    /// </summary>
    public static async Task<(ChatMessage Message, bool Appended)> AppendOnceAsync(
        VirtualShoppingDbContext db,
        Chat chat,
        MessageSender sender,
        Guid? staffMemberId,
        string? authorName,
        string text,
        string? clientMessageId,
        DateTimeOffset now,
        ChatAttachment? attachment,
        CancellationToken cancellationToken,
        MessageKind kind = MessageKind.Text,
        string? data = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(chat);
        for (var attempt = 1; ; attempt++)
        {
            if (clientMessageId is not null
                && await db.ChatMessages.AsNoTracking().SingleOrDefaultAsync(m => m.ChatId == chat.Id && m.Sender == sender && m.ClientMessageId == clientMessageId, cancellationToken) is { } stored)
            {
                return (stored, false);
            }

            var last = await db.ChatMessages.Where(m => m.ChatId == chat.Id).MaxAsync(m => (int?)m.Sequence, cancellationToken) ?? 0;
            var message = new ChatMessage
            {
                MerchantId = chat.MerchantId,
                ChatId = chat.Id,
                Sequence = last + 1,
                Sender = sender,
                StaffMemberId = staffMemberId,
                AuthorName = authorName,
                Text = text,
                SentAt = now,
                ClientMessageId = clientMessageId,
                Kind = attachment is null ? kind : MessageKind.Attachment,
                AttachmentId = attachment?.Id,
                Data = data,
            };
            db.ChatMessages.Add(message);
            if (attachment is not null)
            {
                db.ChatAttachments.Add(attachment);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                Detach(db, message, attachment);
                return (message, true);
            }
            catch (DbUpdateException e) when (attempt < Attempts && !DatabaseUnavailability.Explains(e))
            {
                Detach(db, message, attachment);
            }
        }
    }

    private static void Detach(VirtualShoppingDbContext db, ChatMessage message, ChatAttachment? attachment)
    {
        db.Entry(message).State = EntityState.Detached;
        if (attachment is not null)
        {
            db.Entry(attachment).State = EntityState.Detached;
        }
    }

    /// <summary>The chat's messages after the given number, in order; cart events and notes only for the staff side.</summary>
    public static async Task<List<MessageView>> SinceAsync(VirtualShoppingDbContext db, Guid chatId, int after, CancellationToken cancellationToken, bool forExpert = false)
    {
        ArgumentNullException.ThrowIfNull(db);
        var messages = await db.ChatMessages.AsNoTracking()
            .Where(m => m.ChatId == chatId && m.Sequence > after && (forExpert || (m.Kind != MessageKind.Cart && m.Kind != MessageKind.Note)))
            .OrderBy(m => m.Sequence)
            .Take(500)
            .ToListAsync(cancellationToken);
        return await ViewsAsync(db, messages, cancellationToken);
    }

    /// <summary>The views of stored messages, attachment messages with their attachment.</summary>
    public static async Task<List<MessageView>> ViewsAsync(VirtualShoppingDbContext db, IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(messages);
        var ids = messages.Where(m => m.AttachmentId is not null).Select(m => m.AttachmentId!.Value).ToList();
        var attachments = ids.Count == 0
            ? new Dictionary<Guid, ChatAttachment>()
            : await db.ChatAttachments.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        return messages.Select(m => MessageView.Of(m, m.AttachmentId is { } id ? attachments.GetValueOrDefault(id) : null)).ToList();
    }
}
