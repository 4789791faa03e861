using System.Linq.Expressions;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Infrastructure.Files;
using VirtualShopping.Infrastructure.Persistence;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// Images and videos in chats. An upload is checked (the caller's open chat, the merchant's setting for shoppers,
/// the type by content, the size) while it streams into attachment storage, then becomes a message through the
/// chat's ordinary message path: numbered, stored before it is acknowledged, pushed to both sides, and stored once
/// however often the client retries with the same client message id. Only the chat's shopper and its expert can
/// fetch it again.
/// </summary>
public sealed partial class ChatAttachments(
    IDbContextFactory<VirtualShoppingDbContext> contexts,
    IAttachmentStorage storage,
    ChatConversation conversation,
    TimeProvider clock,
    ILogger<ChatAttachments> logger)
{
    public const string FileField = "file";

    public const string ClientMessageIdField = "clientMessageId";

    /// <summary>Room for the multipart framing and the other fields around the largest file.</summary>
    private const long EnvelopeBytes = 1024 * 1024;

    public Task<ChatActionOutcome<MessageView>> UploadFromShopperAsync(Guid shopperId, Guid chatId, HttpRequest request, CancellationToken cancellationToken = default) =>
        UploadAsync(c => c.ShopperId == shopperId, chatId, MessageSender.Shopper, shopperId, null, null, (chat, ct) => ReceiveAsync(chat, MessageSender.Shopper, null, request, ct), null, cancellationToken);

    public Task<ChatActionOutcome<MessageView>> UploadFromExpertAsync(Guid staffMemberId, string expertName, Guid chatId, HttpRequest request, CancellationToken cancellationToken = default) =>
        UploadAsync(c => c.ExpertId == staffMemberId, chatId, MessageSender.Expert, null, staffMemberId, expertName, (chat, ct) => ReceiveAsync(chat, MessageSender.Expert, staffMemberId, request, ct), null, cancellationToken);

    /// <summary>
    /// An image or video the expert picked in the dashboard inbox (a browser file stream rather than a multipart
    /// request): the same size limits, content sniffing, merchant settings and storage as the Store App's upload.
    /// </summary>
    public Task<ChatActionOutcome<MessageView>> UploadFromInboxAsync(Guid staffMemberId, string expertName, Guid chatId, Stream content, string fileName, string? caption, string? clientMessageId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        string? text = null;
        if (!string.IsNullOrWhiteSpace(caption))
        {
            var (cleaned, result) = ChatMessage.CleanText(caption);
            if (!result.IsValid)
            {
                return Task.FromResult(ChatActionOutcome<MessageView>.Fail(ChatProblemKind.Invalid, result.Error!, "caption"));
            }

            text = cleaned;
        }

        var messageId = string.IsNullOrWhiteSpace(clientMessageId) ? null : clientMessageId.Trim();
        if (messageId is { Length: > ChatMessage.MaxClientMessageIdLength })
        {
            return Task.FromResult(ChatActionOutcome<MessageView>.Fail(ChatProblemKind.Invalid, $"The client message id can be at most {ChatMessage.MaxClientMessageIdLength} characters.", ClientMessageIdField));
        }

        return UploadAsync(
            c => c.ExpertId == staffMemberId,
            chatId,
            MessageSender.Expert,
            null,
            staffMemberId,
            expertName,
            async (chat, ct) => await StoreAsync(chat, MessageSender.Expert, staffMemberId, content, fileName, ct) with { ClientMessageId = messageId },
            text,
            cancellationToken);
    }

    /// <summary>The attachment and its bytes for a staff member who may see the chat (the dashboard inbox); null for anyone else.</summary>
    public async Task<(ChatAttachment Attachment, Stream Content)?> OpenForStaffAsync(ChatStaff staff, Guid chatId, Guid attachmentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await StaffChat.FindAsync(db, staff, chatId, cancellationToken) is not { } found || !found.CanSee(staff))
        {
            return null;
        }

        var attachment = await db.ChatAttachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.ChatId == chatId, cancellationToken);
        return attachment is null ? null : await ContentOfAsync(attachment, cancellationToken);
    }

    /// <summary>The attachment and its bytes when the caller is the chat's shopper or its expert; null for anyone else.</summary>
    public async Task<(ChatAttachment Attachment, Stream Content)?> OpenAsync(Guid chatId, Guid attachmentId, Guid? shopperId, Guid? staffMemberId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var attachment = await db.ChatAttachments.AsNoTracking()
            .Where(a => a.Id == attachmentId && a.ChatId == chatId)
            .Where(a => db.Chats.Any(c => c.Id == a.ChatId && ((shopperId != null && c.ShopperId == shopperId) || (staffMemberId != null && c.ExpertId == staffMemberId))))
            .SingleOrDefaultAsync(cancellationToken);
        return attachment is null ? null : await ContentOfAsync(attachment, cancellationToken);
    }

    private async Task<(ChatAttachment Attachment, Stream Content)?> ContentOfAsync(ChatAttachment attachment, CancellationToken cancellationToken)
    {
        var content = await storage.OpenReadAsync(attachment.StorageKey, cancellationToken);
        return content is null ? null : (attachment, content);
    }

    private async Task<ChatActionOutcome<MessageView>> UploadAsync(
        Expression<Func<Chat, bool>> mine,
        Guid chatId,
        MessageSender sender,
        Guid? shopperId,
        Guid? staffMemberId,
        string? authorName,
        Func<Chat, CancellationToken, Task<Received>> receive,
        string? caption,
        CancellationToken cancellationToken)
    {
        Chat? chat;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            chat = await db.Chats.AsNoTracking().Where(c => c.Id == chatId).Where(mine).SingleOrDefaultAsync(cancellationToken);
            if (chat is null)
            {
                return ChatActionOutcome<MessageView>.Fail(ChatProblemKind.NotFound, ChatResults.NoSuchChat);
            }

            if (ChatConversation.ClosedTo(chat, sender) is { } closed)
            {
                return closed;
            }

            if (sender == MessageSender.Shopper && !(await db.ChatSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? new ChatSettings()).PhotoAndVideoSending)
            {
                return ChatActionOutcome<MessageView>.Fail(ChatProblemKind.Forbidden, "This shop does not take photos or videos in chats. Describe it in a message instead.");
            }
        }

        var received = await receive(chat, cancellationToken);
        if (received.Refusal is { } refusal)
        {
            return refusal;
        }

        var attachment = received.Attachment!;
        var kept = false;
        try
        {
            var outcome = await conversation.PostAttachmentAsync(attachment, shopperId, authorName, received.ClientMessageId, caption, cancellationToken);

            // A retried upload is answered with the message stored the first time; this copy is not needed.
            kept = outcome.Value?.Attachment?.Id == attachment.Id;
            if (kept)
            {
                LogStored(logger, attachment.Id, chat.Id, attachment.ContentType, attachment.Length);
            }

            return outcome;
        }
        finally
        {
            if (!kept)
            {
                await storage.DeleteAsync(attachment.StorageKey, CancellationToken.None);
            }
        }
    }

    /// <summary>Reads the multipart body: the file part streams into storage as it is checked; the client message id is read as text.</summary>
    private async Task<Received> ReceiveAsync(Chat chat, MessageSender sender, Guid? staffMemberId, HttpRequest request, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary) is not { Length: > 0 and <= 200 } boundary)
        {
            return Refused(FileField, "Send the photo or video as multipart/form-data, in a field named \"file\".");
        }

        // The largest file (a video) and its framing may come in; a larger body is refused by the server itself.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = AttachmentContent.MaxVideoBytes + EnvelopeBytes;
        }

        ChatAttachment? attachment = null;
        string? clientMessageId = null;
        var complete = false;
        try
        {
            var reader = new MultipartReader(boundary.ToString(), request.Body);
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).ToString();
                if (name == ClientMessageIdField)
                {
                    clientMessageId = await ReadFieldAsync(section.Body, ChatMessage.MaxClientMessageIdLength, cancellationToken);
                    if (clientMessageId is null)
                    {
                        return Refused(ClientMessageIdField, $"The client message id can be at most {ChatMessage.MaxClientMessageIdLength} characters.");
                    }
                }
                else if (name == FileField && attachment is null)
                {
                    var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).ToString();
                    var stored = await StoreAsync(chat, sender, staffMemberId, section.Body, fileName, cancellationToken);
                    if (stored.Refusal is not null)
                    {
                        return stored;
                    }

                    attachment = stored.Attachment;
                }
            }

            if (attachment is null)
            {
                return Refused(FileField, "Choose a photo or video to send.");
            }

            complete = true;
            return new Received(attachment, string.IsNullOrWhiteSpace(clientMessageId) ? null : clientMessageId.Trim(), null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Refused(FileField, $"The upload is too large. {AttachmentContent.LimitText(AttachmentKind.Image)} {AttachmentContent.LimitText(AttachmentKind.Video)}");
        }
        catch (InvalidDataException)
        {
            // The multipart framing is broken (cut off, or a part's headers too long).
            return Refused(FileField, "The upload was cut off or is not valid multipart/form-data. Send it again.");
        }
        finally
        {
            // Refused or failed after the file was stored: it goes again.
            if (!complete && attachment is not null)
            {
                await storage.DeleteAsync(attachment.StorageKey, CancellationToken.None);
            }
        }
    }

    /// <summary>Recognises the file by its first bytes, then streams it into storage within the limit for its kind.</summary>
    private async Task<Received> StoreAsync(Chat chat, MessageSender sender, Guid? staffMemberId, Stream body, string? fileName, CancellationToken cancellationToken)
    {
        var head = new byte[AttachmentContent.HeadLength];
        var read = await body.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        if (read == 0)
        {
            return Refused(FileField, "The file is empty.");
        }

        if (AttachmentContent.Detect(head.AsSpan(0, read)) is not { } type)
        {
            return Refused(FileField, $"{AttachmentContent.Accepted} This file is none of those.");
        }

        var id = Guid.NewGuid();
        var attachment = new ChatAttachment
        {
            Id = id,
            MerchantId = chat.MerchantId,
            ChatId = chat.Id,
            Sender = sender,
            StaffMemberId = staffMemberId,
            ContentType = type.ContentType,
            FileName = AttachmentContent.CleanFileName(fileName, type),
            StorageKey = $"{chat.MerchantId:N}/{chat.Id:N}/{id:N}",
            Sha256 = string.Empty,
            UploadedAt = clock.GetUtcNow(),
        };
        await using var checkedBody = new CheckedUploadStream(head.AsMemory(0, read), body, AttachmentContent.MaxBytes(type.Kind));
        try
        {
            await storage.SaveAsync(attachment.StorageKey, checkedBody, cancellationToken);
        }
        catch (CheckedUploadStream.TooLargeException)
        {
            return TooLarge(type.Kind);
        }

        attachment.Length = checkedBody.ReadLength;
        attachment.Sha256 = checkedBody.Sha256();
        return new Received(attachment, null, null);
    }

    /// <summary>A short text field, or null when it is longer than allowed.</summary>
    private static async Task<string?> ReadFieldAsync(Stream body, int maxCharacters, CancellationToken cancellationToken)
    {
        var buffer = new byte[(maxCharacters * 4) + 1];
        var read = await body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        if (read == buffer.Length)
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(buffer, 0, read);
        return text.Trim().Length > maxCharacters ? null : text;
    }

    private static Received TooLarge(AttachmentKind kind) =>
        Refused(FileField, $"The file is too large. {AttachmentContent.LimitText(kind)}");

    private static Received Refused(string field, string message) =>
        new(null, null, ChatActionOutcome<MessageView>.Fail(ChatProblemKind.Invalid, message, field));

    [LoggerMessage(Level = LogLevel.Information, Message = "Attachment {AttachmentId} ({ContentType}, {Length} bytes) sent in chat {ChatId}")]
    private static partial void LogStored(ILogger logger, Guid attachmentId, Guid chatId, string contentType, long length);

    private sealed record Received(ChatAttachment? Attachment, string? ClientMessageId, ChatActionOutcome<MessageView>? Refusal);
}
