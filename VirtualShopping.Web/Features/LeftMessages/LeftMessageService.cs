using System.Security.Claims;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using VirtualShopping.Domain.Chats;
using VirtualShopping.Domain.Merchants;
using VirtualShopping.Domain.Settings;
using VirtualShopping.Infrastructure.Email;
using VirtualShopping.Infrastructure.Persistence;
using VirtualShopping.Infrastructure.Sms;
using VirtualShopping.Infrastructure.Tenancy;
using VirtualShopping.Web.Components.Shared;
using VirtualShopping.Web.Features.Chats;
using VirtualShopping.Web.Features.Staff;

namespace VirtualShopping.Web.Features.LeftMessages;

/// <summary>
/// Messages shoppers leave when a chat is missed or the stores are closed: stored as they come, listed in
/// the dashboard, answered by email or SMS through a Hangfire job with retries. The answer carries a link
/// back that expires and then lands on the Left Message expired URL.
/// </summary>
public sealed class LeftMessageService(
    IDbContextFactory<VirtualShoppingDbContext> contexts,
    ICurrentMerchant currentMerchant,
    IBackgroundJobClient jobs,
    SmtpEmailSender email,
    TwilioSmsSender sms,
    TimeProvider clock)
{
    /// <summary>Stores a shopper's message; field problems change nothing.</summary>
    public async Task<ChatActionOutcome<Guid>> LeaveAsync(Guid shopperId, LeaveMessageInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var problem = LeftMessage.Problems(input.Name, input.Email, input.Phone, input.Text).FirstOrDefault();
        if (problem != default)
        {
            return ChatActionOutcome<Guid>.Fail(ChatProblemKind.Invalid, problem.Message, problem.Field);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var reason = LeftMessageReason.OutOfHours;
        var departmentId = input.DepartmentId;
        string? language = input.Language;
        if (input.ChatId is { } chatId)
        {
            var chat = await db.Chats.AsNoTracking().SingleOrDefaultAsync(c => c.Id == chatId && c.ShopperId == shopperId, cancellationToken);
            if (chat is null)
            {
                return ChatActionOutcome<Guid>.Fail(ChatProblemKind.NotFound, ChatResults.NoSuchChat);
            }

            if (chat.Status != ChatStatus.Missed)
            {
                return ChatActionOutcome<Guid>.Fail(ChatProblemKind.Conflict, "Messages can be left when nobody could take the chat.");
            }

            if (await db.LeftMessages.AnyAsync(m => m.ChatId == chatId, cancellationToken))
            {
                return ChatActionOutcome<Guid>.Fail(ChatProblemKind.Conflict, "You already left a message for this chat.");
            }

            reason = LeftMessageReason.MissedChat;
            departmentId = chat.DepartmentId;
            language = chat.Language;
        }
        else if (departmentId is not null && !await db.Departments.AnyAsync(d => d.Id == departmentId, cancellationToken))
        {
            return ChatActionOutcome<Guid>.Fail(ChatProblemKind.Invalid, "Choose what you need help with.", "departmentId");
        }

        var chatSettings = await db.ChatSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? new ChatSettings();
        var message = new LeftMessage
        {
            ShopperId = shopperId,
            ChatId = input.ChatId,
            DepartmentId = departmentId,
            Reason = reason,
            Name = Domain.Common.DisplayName.Clean(input.Name),
            Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim(),
            Phone = string.IsNullOrWhiteSpace(input.Phone) ? null : input.Phone.Trim(),
            Text = ChatMessage.CleanText(input.Text).Text!,
            Language = chatSettings.LanguageFor(language),
            PageUrl = input.PageUrl is { Length: <= Chat.MaxPageUrlLength } url ? url : null,
            CreatedAt = clock.GetUtcNow(),
        };
        db.LeftMessages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        return ChatActionOutcome<Guid>.Ok(message.Id);
    }

    /// <summary>
    /// The merchant's left messages, newest first; waiting ones only unless asked for all. The phone and email show only
    /// on messages the reader answers (<see cref="LeftMessageAccess"/>); a search matches them only there.
    /// </summary>
    public async Task<IReadOnlyList<LeftMessageRow>> ListAsync(ClaimsPrincipal reader, bool includeAnswered, string? search, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var staff = await ChatStaffLoader.FromUserAsync(db, reader, cancellationToken);
        var served = await ServedDepartmentsAsync(db, staff, cancellationToken);
        var query = db.LeftMessages.AsNoTracking().Include(m => m.Replies).AsQueryable();
        if (!includeAnswered)
        {
            query = query.Where(m => m.AnsweredAt == null);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = LikePattern.Containing(search);
            query = query.Where(m => EF.Functions.Like(m.Name, pattern, LikePattern.Escape) || EF.Functions.Like(m.Text, pattern, LikePattern.Escape)
                                     || (m.Email != null && EF.Functions.Like(m.Email, pattern, LikePattern.Escape)));
        }

        var messages = await query.OrderByDescending(m => m.CreatedAt).Take(200).ToListAsync(cancellationToken);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        var rows = new List<LeftMessageRow>();
        foreach (var m in messages)
        {
            var answers = CanAnswer(staff, m, served);
            if (!answers && !string.IsNullOrWhiteSpace(search)
                && !m.Name.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase) && !m.Text.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                continue; // found only by contact details this reader may not see
            }

            rows.Add(new LeftMessageRow(
                m.Id, m.Reason, m.Name, answers ? m.Email : null, answers ? m.Phone : null, m.Text, m.Language,
                m.DepartmentId is { } d && departments.TryGetValue(d, out var name) ? name : null,
                m.PageUrl, m.CreatedAt, m.AnsweredAt, m.ShopperReturnedAt,
                m.Replies.OrderBy(r => r.CreatedAt).Select(r => new ReplyRow(r.Id, r.Channel, r.Text, r.AuthorName, r.CreatedAt, r.Delivery, r.SentAt, r.Attempts, r.LastError, r.LinkExpiresAt)).ToList(),
                answers));
        }

        return rows;
    }

    /// <summary>The needs an active team of one of the person's stores serves.</summary>
    private static async Task<HashSet<Guid>> ServedDepartmentsAsync(VirtualShoppingDbContext db, ChatStaff staff, CancellationToken cancellationToken)
    {
        var stores = staff.StoreIds.ToList();
        if (stores.Count == 0)
        {
            return [];
        }

        var departments = await db.Teams.AsNoTracking().Where(t => t.IsActive && stores.Contains(t.StoreId))
            .SelectMany(t => t.Departments.Where(d => !d.IsArchived).Select(d => d.Id)).ToListAsync(cancellationToken);
        return departments.ToHashSet();
    }

    private static bool CanAnswer(ChatStaff staff, LeftMessage message, HashSet<Guid> served) =>
        LeftMessageAccess.CanAnswer(staff, message, message.DepartmentId is { } department && served.Contains(department));

    /// <summary>Queues an answer by email or SMS; refuses one the shopper cannot receive or the server cannot send.</summary>
    public async Task<SaveResult<LeftMessageReply>> ReplyAsync(ClaimsPrincipal author, Guid leftMessageId, ReplyInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var message = await db.LeftMessages.SingleOrDefaultAsync(m => m.Id == leftMessageId, cancellationToken);
        if (message is null)
        {
            return SaveResult<LeftMessageReply>.NotFound();
        }

        var staff = await ChatStaffLoader.FromUserAsync(db, author, cancellationToken);
        if (!CanAnswer(staff, message, await ServedDepartmentsAsync(db, staff, cancellationToken)))
        {
            return SaveResult<LeftMessageReply>.Forbidden(nameof(ReplyInput.Channel), "Messages about this need are answered by the stores that serve it, managers and support.");
        }

        var (text, result) = ChatMessage.CleanText(input.Text);
        if (!result.IsValid || text!.Length > LeftMessageReply.MaxTextLength)
        {
            return SaveResult<LeftMessageReply>.Invalid(nameof(ReplyInput.Text), result.IsValid ? $"Answers can be at most {LeftMessageReply.MaxTextLength} characters." : "Write your answer.");
        }

        if (input.Channel == ReplyChannel.Email)
        {
            if (message.Email is null)
            {
                return SaveResult<LeftMessageReply>.Invalid(nameof(ReplyInput.Channel), "The shopper left no email address; answer by SMS.");
            }

            if (!email.IsConfigured)
            {
                return SaveResult<LeftMessageReply>.Invalid(nameof(ReplyInput.Channel), "Email is not set up on this server (Smtp settings), so answers cannot be emailed.");
            }
        }
        else
        {
            if (message.Phone is null)
            {
                return SaveResult<LeftMessageReply>.Invalid(nameof(ReplyInput.Channel), "The shopper left no phone number; answer by email.");
            }

            var account = await db.AccountSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
            if (!SenderId.Validate(account?.LeftMessageSenderId).IsValid)
            {
                return SaveResult<LeftMessageReply>.Invalid(nameof(ReplyInput.Channel), "Set the Left Message SMS sender ID in Account settings first.");
            }

            if (!sms.IsConfigured)
            {
                return SaveResult<LeftMessageReply>.Invalid(nameof(ReplyInput.Channel), "SMS is not set up on this server (Sms settings), so answers cannot be texted.");
            }
        }

        var now = clock.GetUtcNow();
        var reply = new LeftMessageReply
        {
            LeftMessageId = message.Id,
            Channel = input.Channel,
            Text = text,
            StaffMemberId = currentMerchant.ActorStaffId,
            AuthorName = currentMerchant.ActorName,
            CreatedAt = now,
            LinkTokenHash = InvitationToken.Hash(InvitationToken.Create()), // nobody holds this one: the job mints the link it sends
            LinkExpiresAt = now.Add(LeftMessageReply.LinkLifetime),
        };
        db.LeftMessageReplies.Add(reply);
        await db.SaveChangesAsync(cancellationToken);

        // Ids only: contact details and the link are loaded (and minted) by the job.
        jobs.Enqueue<LeftMessageReplyJob>(job => job.RunAsync(message.MerchantId, reply.Id, CancellationToken.None));
        return SaveResult<LeftMessageReply>.Saved(reply);
    }
}
