using Hangfire;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Web.Features.Products;

namespace VirtualShopping.Web.Features.Chats;

/// <summary>
/// A chat from the shopper's first message to the rating: starting (or the out-of-hours answer), messages
/// both ways (stored before they are acknowledged), ending, the idle timeout and the transcript email.
/// </summary>
public sealed class ChatConversation(
    IDbContextFactory<VirtualShoppingDbContext> contexts,
    ChatRouter router,
    IChatNotifier notifier,
    IBackgroundJobClient jobs,
    TimeProvider clock,
    ILogger<ChatConversation> logger,
    OfflineReplies offlineReplies,
    MessageWriter writer,
    Infrastructure.Tenancy.ICurrentMerchant merchant)
{
    /// <summary>Starts a chat for a shopper and sends its first wave, or answers that no store serving the need is open.</summary>
    public async Task<StartChatOutcome> StartAsync(Guid shopperId, StartChatInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var problems = new Dictionary<string, string[]>();
        // The need, both settings and whether the shopper is blocked in one query: every shopper's chat starts with it.
        var merchantId = db.CurrentMerchantId;
        var email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
        var blocks = ChatActions.Blocks(shopperId, email);
        var read = await (
            from m in db.Merchants.AsNoTracking()
            where m.Id == merchantId
            join c in db.ChatSettings.AsNoTracking() on m.Id equals c.MerchantId into chatSettingsRows
            from c in chatSettingsRows.DefaultIfEmpty()
            join r in db.StoreAppSettings.AsNoTracking() on m.Id equals r.MerchantId into routingRows
            from r in routingRows.DefaultIfEmpty()
            select new
            {
                Department = db.Departments.Where(d => d.Id == input.DepartmentId && !d.IsArchived).Select(d => d.Name).FirstOrDefault(),
                Chat = c,
                Routing = r,
                Blocked = db.BlockedShoppers.Any(blocks),
            }).FirstOrDefaultAsync(cancellationToken);
        var department = read?.Department;
        if (department is null)
        {
            problems["departmentId"] = ["Choose what you need help with."];
        }

        var chatSettings = read?.Chat ?? new ChatSettings();
        if (!chatSettings.Enabled)
        {
            problems["chat"] = ["Chat is switched off for this shop."];
        }

        var name = Domain.Common.DisplayName.Clean(input.Name) is { Length: > 0 } cleanName ? cleanName : null;
        if (name is { Length: > Chat.MaxNameLength })
        {
            problems["name"] = [$"Keep your name under {Chat.MaxNameLength} characters."];
        }

        if (email is not null && !LeftMessage.IsEmail(email))
        {
            problems["email"] = ["Enter an email address like name@example.com."];
        }

        if (input.PageUrl is { Length: > Chat.MaxPageUrlLength })
        {
            problems["pageUrl"] = [$"The page address can be at most {Chat.MaxPageUrlLength} characters."];
        }

        if (problems.Count > 0)
        {
            return new StartChatOutcome(null, null, problems);
        }

        // A blocked shopper (by this session or the email they give) is told only that chat is not available.
        if (read!.Blocked)
        {
            problems["chat"] = [ChatActions.NotAvailable];
            return new StartChatOutcome(null, null, problems);
        }

        var stores = await StoresServingAsync(db, input.DepartmentId, now, cancellationToken);
        if (!stores.Values.Any(s => s.Open))
        {
            var account = await db.AccountSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? new AccountSettings();
            return new StartChatOutcome(null, account.OutOfHoursText, problems);
        }

        var settings = read?.Routing ?? new StoreAppSettings();
        var chat = Chat.Start(shopperId, input.DepartmentId, chatSettings.LanguageFor(input.Language), now, settings);
        chat.ShopperName = name;
        chat.ShopperEmail = email;
        chat.PageUrl = input.PageUrl;

        // The first wave is written with the chat, from what this request already read (the settings and the stores),
        // so the chat is never seen waiting without it and no sweep races to send it.
        var wave = await router.PlanWaveAsync(db, chat, settings, stores, cancellationToken);
        chat.WavesSent = wave.Wave + 1;
        chat.NextWaveAt = wave.NextWaveAt;

        // One open chat per shopper session: the check and the insert are one serializable unit, so parallel starts cannot both pass.
        await using (var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken))
        {
            var open = await db.Chats.Where(c => c.ShopperId == shopperId && (c.Status == ChatStatus.Waiting || c.Status == ChatStatus.Active))
                .Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
            if (open is not null)
            {
                return new StartChatOutcome(null, null, problems, open);
            }

            db.Chats.Add(chat);
            await db.SaveChangesAsync(cancellationToken);
            await ChatRouter.WriteWaveAsync(db, wave, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        logger.ChatStarted(chat.Id, department!, chat.Language);

        // Supervisors' Waiting views show the new chat at once.
        await notifier.ChatUpdatedAsync(chat.Id, null);

        await router.AnnounceWaveAsync(db, chat, department!, settings, wave, cancellationToken);
        return new StartChatOutcome(ChatView.Of(chat, now), null, problems);
    }

    /// <summary>The active stores with an active team serving the department, and whether each is open now (one query).</summary>
    private static Task<Dictionary<Guid, StoreOpening>> StoresServingAsync(VirtualShoppingDbContext db, Guid departmentId, DateTimeOffset now, CancellationToken cancellationToken) =>
        StoreOpenings.LoadAsync(
            db,
            s => db.Teams.Any(t => t.StoreId == s.Id && t.IsActive && t.Departments.Any(d => d.Id == departmentId && !d.IsArchived)),
            now,
            cancellationToken);

    public async Task<ChatView?> FindForShopperAsync(Guid shopperId, Guid chatId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var chat = await db.Chats.AsNoTracking().SingleOrDefaultAsync(c => c.Id == chatId && c.ShopperId == shopperId, cancellationToken);
        return chat is null ? null : ChatView.Of(chat, clock.GetUtcNow());
    }

    /// <summary>The expert's active chats, oldest first.</summary>
    public async Task<IReadOnlyList<ChatView>> ActiveChatsOfAsync(Guid staffMemberId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var chats = await db.Chats.AsNoTracking().Where(c => c.ExpertId == staffMemberId && c.Status == ChatStatus.Active).ToListAsync(cancellationToken);
        return chats.OrderBy(c => c.ClaimedAt).Select(c => ChatView.Of(c, now)).ToList();
    }

    /// <summary>A message from the shopper: while waiting or with an expert.</summary>
    public Task<ChatActionOutcome<MessageView>> PostFromShopperAsync(Guid shopperId, Guid chatId, string? text, string? clientMessageId, CancellationToken cancellationToken = default) =>
        PostAsync(chatId, MessageSender.Shopper, shopperId, null, null, text, clientMessageId, null, false, MessageKind.Text, null, cancellationToken);

    /// <summary>A message from the expert who holds the chat.</summary>
    public Task<ChatActionOutcome<MessageView>> PostFromExpertAsync(Guid staffMemberId, string expertName, Guid chatId, string? text, string? clientMessageId, CancellationToken cancellationToken = default) =>
        PostAsync(chatId, MessageSender.Expert, null, staffMemberId, expertName, text, clientMessageId, null, false, MessageKind.Text, null, cancellationToken);

    /// <summary>
    /// A message from the Store App (REST or hub) whose caller has not been checked against the database: refused
    /// (403 "access removed") unless the chat's expert is still an active expert, and signed with their current name.
    /// </summary>
    public Task<ChatActionOutcome<MessageView>> PostFromStoreAppAsync(Guid staffMemberId, Guid chatId, string? text, string? clientMessageId, CancellationToken cancellationToken = default) =>
        PostAsync(chatId, MessageSender.Expert, null, staffMemberId, null, text, clientMessageId, null, true, MessageKind.Text, null, cancellationToken);

    /// <summary>
    /// A discount code from the expert who holds the chat, as a message of kind Discount (its text the plain fallback).
    /// <paramref name="activeExpertOnly"/> as for <see cref="PostFromStoreAppAsync"/>: the Store App's caller is checked here.
    /// </summary>
    public Task<ChatActionOutcome<MessageView>> PostDiscountAsync(Guid staffMemberId, string? expertName, Guid chatId, DiscountView discount, string? clientMessageId, bool activeExpertOnly, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(discount);
        return PostAsync(chatId, MessageSender.Expert, null, staffMemberId, expertName, discount.ToText(), clientMessageId, null, activeExpertOnly, MessageKind.Discount, discount.ToData(), cancellationToken);
    }

    /// <summary>A product card from the expert who holds the chat, as a message of kind Product (its text the plain fallback); see <see cref="ChatProducts"/>.</summary>
    public Task<ChatActionOutcome<MessageView>> PostProductAsync(Guid staffMemberId, string? expertName, Guid chatId, ProductCardView product, string? clientMessageId, bool activeExpertOnly, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(product);
        return PostAsync(chatId, MessageSender.Expert, null, staffMemberId, expertName, product.ToText(), clientMessageId, null, activeExpertOnly, MessageKind.Product, product.ToData(), cancellationToken);
    }

    /// <summary>An image or video already in storage (see <see cref="ChatAttachments"/>), as a message from the side that uploaded it.</summary>
    public Task<ChatActionOutcome<MessageView>> PostAttachmentAsync(ChatAttachment attachment, Guid? shopperId, string? authorName, string? clientMessageId, CancellationToken cancellationToken = default) =>
        PostAttachmentAsync(attachment, shopperId, authorName, clientMessageId, null, cancellationToken);

    /// <param name="caption">The message's text; the file's name (or "Photo"/"Video") when none.</param>
    public Task<ChatActionOutcome<MessageView>> PostAttachmentAsync(ChatAttachment attachment, Guid? shopperId, string? authorName, string? clientMessageId, string? caption, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        return PostAsync(attachment.ChatId, attachment.Sender, shopperId, attachment.StaffMemberId, authorName, caption ?? attachment.Caption, clientMessageId, attachment, false, MessageKind.Attachment, null, cancellationToken);
    }

    /// <summary>Null when the chat takes messages from this side now (the shopper's while waiting or active, the expert's while active); otherwise why not.</summary>
    internal static ChatActionOutcome<MessageView>? ClosedTo(Chat chat, MessageSender sender)
    {
        ArgumentNullException.ThrowIfNull(chat);
        return ClosedTo(chat.Status, sender);
    }

    internal static ChatActionOutcome<MessageView>? ClosedTo(ChatStatus status, MessageSender sender)
    {
        var open = sender == MessageSender.Shopper ? status is ChatStatus.Waiting or ChatStatus.Active : status == ChatStatus.Active;
        return open ? null : ChatActionOutcome<MessageView>.Fail(ChatProblemKind.Conflict, status == ChatStatus.Missed
            ? "Nobody could take this chat. Leave a message instead and we will get back to you."
            : "This chat has ended.");
    }

    /// <summary>
    /// Checks the text, then hands the message to the <see cref="MessageWriter"/>, which stores it together with the
    /// other messages sent meanwhile (one transaction for all); once it is committed, both sides get it.
    /// </summary>
    private async Task<ChatActionOutcome<MessageView>> PostAsync(
        Guid chatId,
        MessageSender sender,
        Guid? shopperId,
        Guid? staffMemberId,
        string? authorName,
        string? text,
        string? clientMessageId,
        ChatAttachment? attachment,
        bool activeExpertOnly,
        MessageKind kind,
        string? data,
        CancellationToken cancellationToken)
    {
        var (cleaned, result) = ChatMessage.CleanText(text);
        if (!result.IsValid)
        {
            return ChatActionOutcome<MessageView>.Fail(ChatProblemKind.Invalid, result.Error!, "text");
        }

        if (clientMessageId is { Length: > ChatMessage.MaxClientMessageIdLength })
        {
            return ChatActionOutcome<MessageView>.Fail(ChatProblemKind.Invalid, $"The client message id can be at most {ChatMessage.MaxClientMessageIdLength} characters.", "clientMessageId");
        }

        if (merchant.MerchantId is not { } merchantId)
        {
            return ChatActionOutcome<MessageView>.Fail(ChatProblemKind.NotFound, ChatResults.NoSuchChat);
        }

        // Not cancelled with the request: a message the writer stores is also pushed, or a retry (answered as already sent)
        // would leave the other side without it until they catch up. The wait is bounded by one batch's write.
        var written = await writer.WriteAsync(
            new MessageDraft(merchantId, chatId, sender, shopperId, staffMemberId, authorName, cleaned!, clientMessageId, attachment, activeExpertOnly, kind, data),
            CancellationToken.None);
        if (written.Refusal is { } refusal)
        {
            return refusal;
        }

        var (message, chat) = (written.Message!, written.Chat!);
        if (!written.Appended)
        {
            // A retried send: both sides already have this message.
            if (message.AttachmentId is null)
            {
                return ChatActionOutcome<MessageView>.Ok(MessageView.Of(message));
            }

            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            return ChatActionOutcome<MessageView>.Ok((await ChatLog.ViewsAsync(db, [message], cancellationToken))[0]);
        }

        var view = MessageView.Of(message, attachment);
        await notifier.MessagePostedAsync(chat.ShopperId, chat.ExpertId, view);
        if (sender == MessageSender.Expert)
        {
            offlineReplies.AfterExpertReply(chat.MerchantId, chat.Id, chat.ShopperId, chat.ShopperEmail);
        }

        return ChatActionOutcome<MessageView>.Ok(view);
    }

    /// <summary>Messages after a number, for a side of the chat (a reconnecting client catches up).</summary>
    public async Task<IReadOnlyList<MessageView>?> MessagesSinceAsync(Guid chatId, int after, Guid? shopperId, Guid? staffMemberId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var allowed = await db.Chats.AnyAsync(
            c => c.Id == chatId && ((shopperId != null && c.ShopperId == shopperId) || (staffMemberId != null && c.ExpertId == staffMemberId)),
            cancellationToken);
        return allowed ? await ChatLog.SinceAsync(db, chatId, Math.Max(0, after), cancellationToken, forExpert: staffMemberId is not null) : null;
    }

    /// <summary>The shopper ends their chat (waiting or active).</summary>
    public async Task<ChatActionOutcome<ChatView>> EndByShopperAsync(Guid shopperId, Guid chatId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Chats.AnyAsync(c => c.Id == chatId && c.ShopperId == shopperId, cancellationToken))
        {
            return ChatActionOutcome<ChatView>.Fail(ChatProblemKind.NotFound, ChatResults.NoSuchChat);
        }

        return await EndAsync(chatId, ChatEndReason.Shopper, cancellationToken);
    }

    /// <summary>The expert who holds the chat closes it.</summary>
    public async Task<ChatActionOutcome<ChatView>> CloseByExpertAsync(Guid staffMemberId, Guid chatId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Chats.AnyAsync(c => c.Id == chatId && c.ExpertId == staffMemberId, cancellationToken))
        {
            return ChatActionOutcome<ChatView>.Fail(ChatProblemKind.NotFound, ChatResults.NoSuchChat);
        }

        return await EndAsync(chatId, ChatEndReason.Expert, cancellationToken);
    }

    /// <summary>Ends a waiting or active chat once, posts the closing line, and queues the transcript when the shopper gave an email.</summary>
    public Task<ChatActionOutcome<ChatView>> EndAsync(Guid chatId, ChatEndReason reason, CancellationToken cancellationToken = default) =>
        EndAsync(chatId, reason, null, cancellationToken);

    /// <param name="closedBy">Who closed it when it is not the expert holding it (a manager): named in the closing line.</param>
    public async Task<ChatActionOutcome<ChatView>> EndAsync(Guid chatId, ChatEndReason reason, string? closedBy, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ended = await db.Chats.Where(c => c.Id == chatId && (c.Status == ChatStatus.Waiting || c.Status == ChatStatus.Active))
            .ExecuteUpdateAsync(
                s => s.SetProperty(c => c.Status, ChatStatus.Ended)
                    .SetProperty(c => c.EndedAt, now)
                    .SetProperty(c => c.EndReason, reason)
                    .SetProperty(c => c.NextWaveAt, (DateTimeOffset?)null),
                cancellationToken);
        var chat = await db.Chats.AsNoTracking().SingleAsync(c => c.Id == chatId, cancellationToken);
        if (ended == 0)
        {
            return ChatActionOutcome<ChatView>.Fail(ChatProblemKind.Conflict, "This chat has already ended.");
        }

        await router.WithdrawPendingOffersAsync(db, chatId, OfferWithdrawal.ChatClosed, now, cancellationToken);
        var line = reason switch
        {
            ChatEndReason.Shopper => "The shopper ended the chat.",
            ChatEndReason.Expert => $"{closedBy ?? chat.ExpertName} closed the chat.",
            _ => "The chat ended because nobody wrote for a while.",
        };
        var closing = await ChatLog.AppendAsync(db, chat, MessageSender.System, null, null, line, null, now, cancellationToken);
        await notifier.MessagePostedAsync(chat.ShopperId, chat.ExpertId, MessageView.Of(closing));

        if (chat.ShopperEmail is not null && chat.ClaimedAt is not null
            && await db.Chats.Where(c => c.Id == chatId && !c.TranscriptQueued).ExecuteUpdateAsync(s => s.SetProperty(c => c.TranscriptQueued, true), cancellationToken) == 1)
        {
            jobs.Enqueue<TranscriptJob>(job => job.RunAsync(chat.MerchantId, chat.Id, CancellationToken.None));
        }

        var view = ChatView.Of(chat, now);
        await notifier.ChatChangedAsync(chat.ShopperId, chat.ExpertId, view);
        return ChatActionOutcome<ChatView>.Ok(view);
    }

    /// <summary>The shopper rates the chat with 1–5 stars and an optional comment, once.</summary>
    public async Task<ChatActionOutcome<ChatView>> RateAsync(Guid shopperId, Guid chatId, int rating, string? comment, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var chat = await db.Chats.SingleOrDefaultAsync(c => c.Id == chatId && c.ShopperId == shopperId, cancellationToken);
        if (chat is null)
        {
            return ChatActionOutcome<ChatView>.Fail(ChatProblemKind.NotFound, ChatResults.NoSuchChat);
        }

        var result = chat.Rate(rating, comment, now);
        if (!result.IsValid)
        {
            // Already rated, or nobody answered: the chat's state refuses it; otherwise a field does.
            return chat.Rating is not null || chat.Status is not (ChatStatus.Ended or ChatStatus.Active)
                ? ChatActionOutcome<ChatView>.Fail(ChatProblemKind.Conflict, result.Error!)
                : ChatActionOutcome<ChatView>.Fail(ChatProblemKind.Invalid, result.Error!, rating is < 1 or > 5 ? "rating" : "comment");
        }

        await db.SaveChangesAsync(cancellationToken);
        return ChatActionOutcome<ChatView>.Ok(ChatView.Of(chat, now));
    }

    /// <summary>Applies the idle timeout to an active chat: the warning to both sides, then the end.</summary>
    public async Task ApplyIdleTimeoutAsync(Guid chatId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var chat = await db.Chats.AsNoTracking().SingleOrDefaultAsync(c => c.Id == chatId, cancellationToken);
        if (chat is null)
        {
            return;
        }

        var settings = await ChatRouter.SettingsAsync(db, cancellationToken);
        switch (RoutingPolicy.IdleStepAt(chat, settings, now))
        {
            case IdleStep.Warn:
                var warned = await db.Chats.Where(c => c.Id == chatId && c.IdleWarningSentAt == null && c.LastActivityAt == chat.LastActivityAt)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.IdleWarningSentAt, now), cancellationToken);
                if (warned == 1)
                {
                    var endsAt = RoutingPolicy.IdleEndsAt(chat, settings);
                    var minutes = Math.Max(1, (int)Math.Ceiling((endsAt - now).TotalMinutes));
                    var warning = await ChatLog.AppendAsync(
                        db, chat, MessageSender.System, null, null, $"This chat will end in {minutes} minute{(minutes == 1 ? string.Empty : "s")} unless someone writes.", null, now, cancellationToken);
                    await notifier.MessagePostedAsync(chat.ShopperId, chat.ExpertId, MessageView.Of(warning));
                    await notifier.IdleWarningAsync(chat.ShopperId, chat.ExpertId, chat.Id, endsAt);
                }

                break;
            case IdleStep.End:
                await EndAsync(chatId, ChatEndReason.Idle, cancellationToken);
                break;
        }
    }
}
